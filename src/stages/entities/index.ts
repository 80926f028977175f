/** The entities stage: one record per real-world actor within an article. */
export { createEntitiesStage, resolveEntities, KNOWLEDGE_BASE } from './entities.js';
export { findRoles } from './roles.js';
