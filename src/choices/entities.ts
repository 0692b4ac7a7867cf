// Entities of this capability (registered in src/db/entities/index.ts).
export const choiceEntities: Function[] = [];
