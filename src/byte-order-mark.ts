const BYTE_ORDER_MARK = "\uFEFF";

/**
 * Editors on Windows (Notepad, VS Code set to "UTF-8 with BOM") save a byte order mark, which
 * JSON.parse rejects as an invisible token and which hides a post's first "---". Jekyll reads past it.
 */
export function withoutByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

/** The mark a file started with, to write back as it was. */
export function byteOrderMarkOf(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? BYTE_ORDER_MARK : "";
}
