// GongkaiInterchange moves catalogs in and out of the files bureaus hold:
// Reading/ turns bytes (text dumps, TSV/CSV, .xlsx, .docx) into source rows,
// Interpreting/ turns source rows into a normalized Catalog with diagnostics,
// Writing/ exports a Catalog as JSON, CSV or .xlsx in the standard column layout.
// Choosing/ holds what staff choose about the reading (column roles, header rows) and the import preview
// that shows each table as read before anything is stored.
