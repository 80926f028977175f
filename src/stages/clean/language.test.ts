import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage } from './language.js';

// Short news paragraphs written for this test, one per language the scraped corpora mix in most often.
const PARAGRAPHS: Record<string, string> = {
  en: 'The regional council approved the new budget on Tuesday after a long debate, and the mayor said the money would go to schools and roads.',
  fr: "Le conseil régional a approuvé mardi le nouveau budget après un long débat, et le maire a déclaré que l'argent irait aux écoles et aux routes.",
  de: 'Der Regionalrat hat am Dienstag nach einer langen Debatte den neuen Haushalt beschlossen, und der Bürgermeister sagte, das Geld gehe an Schulen und Straßen.',
  es: 'El consejo regional aprobó el martes el nuevo presupuesto tras un largo debate, y el alcalde dijo que el dinero se destinará a escuelas y carreteras.',
  ar: 'وافق المجلس الإقليمي يوم الثلاثاء على الميزانية الجديدة بعد نقاش طويل، وقال رئيس البلدية إن الأموال ستذهب إلى المدارس والطرق.',
};

test('detectLanguage names the language of a news paragraph', () => {
  for (const [language, text] of Object.entries(PARAGRAPHS)) assert.equal(detectLanguage(text), language, text);
});

test('detectLanguage says und for text too short to tell', () => {
  assert.equal(detectLanguage('Menu'), 'und');
  assert.equal(detectLanguage('   \n  '), 'und');
});
