export { catalogColumnsSql, catalogFromRow, type CatalogRows } from './queries.js';
export { indexCatalog, type CatalogIndex } from './loaders.js';
