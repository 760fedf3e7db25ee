// What starts a new line where text is shown: a one-line value (a title, a name) must hold none of these.

/** Any character that starts a new line where text is shown (LF, CR, and the Unicode line and paragraph separators). */
export const LINE_BREAK = /[\n\r\u2028\u2029\u0085]/;
/** Each line break, CR LF as one, for splitting text into the lines a reader sees. */
export const LINE_BREAKS = /\r\n|[\n\r\u2028\u2029\u0085]/;
