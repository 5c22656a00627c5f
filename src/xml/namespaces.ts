/** Namespace URIs shifr reads and writes, named once. */

/** TEI P5. */
export const TEI_NS = 'http://www.tei-c.org/ns/1.0';
/** XSLT. */
export const XSL_NS = 'http://www.w3.org/1999/XSL/Transform';
/** ISO Schematron. */
export const SCH_NS = 'http://purl.oclc.org/dsdl/schematron';
/** Schematron 1.5, still met in older schemas. */
export const SCH15_NS = 'http://www.ascc.net/xml/schematron';
