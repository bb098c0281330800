/** The StudyApi contract, shared by every host and by the UI (types only for the UI). */
export * from './contract';
export * from './dispatch';
export * from './events';
export * from './result';
