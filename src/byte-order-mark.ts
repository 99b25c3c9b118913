import { UsageError } from "./errors.js";

const BYTE_ORDER_MARK = "\uFEFF";

/**
 * Editors on Windows (Notepad, VS Code set to "UTF-8 with BOM") save a byte order mark, which
 * JSON.parse rejects as an invisible token and which hides a post's first "---". Jekyll reads past it.
 */
export function withoutByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

/**
 * The bytes as text, or null when they are not UTF-8 (a file saved as UTF-16 or Latin-1): decoded
 * anyway, they would show as replacement characters in a message or a post.
 */
export function utf8Text(bytes: Buffer): string | null {
  const text = bytes.toString("utf8");
  return Buffer.from(text, "utf8").equals(bytes) ? text : null;
}

/**
 * The bytes of the file a message calls `name` (`lint post.md`, `--update post.md`) as text, or
 * the usage error every command gives for a file that is not UTF-8: read anyway, a binary file
 * or one saved as UTF-16 would be taken for a post with no front matter, markers or links.
 */
export function utf8TextOf(bytes: Buffer, name: string, fix = "save the post as UTF-8 first"): string {
  const text = utf8Text(bytes);
  if (text === null) throw new UsageError(`${name}: is not UTF-8 text; ${fix}`);
  return text;
}

/** The mark a file started with, to write back as it was. */
export function byteOrderMarkOf(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? BYTE_ORDER_MARK : "";
}
