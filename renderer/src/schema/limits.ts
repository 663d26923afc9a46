// How deep structures may nest in a Rapporteur document. The editor's schema refuses deeper nesting, the importer
// flattens it, and the exporter flattens anything deeper that still arrives (old documents, hand-made JSON).

/** List levels: Word numbers nine (ilvl 0-8); deeper items are shown at the ninth. */
export const MAX_LIST_DEPTH = 9;

/** Tables inside tables: a table at a deeper level is kept as its text. */
export const MAX_TABLE_DEPTH = 3;
