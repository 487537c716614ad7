export * from './document';
export * from './placeholders';
export * from './template';
export * from './defaults';
export * from './render';
