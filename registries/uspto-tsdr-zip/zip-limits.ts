/** What a TSDR bundle may hold before Markhound refuses it as a decompression bomb or garbage. */
export interface ZipLimits {
  /** A TSDR bundle has about 15 entries (XML, HTML, images, CSS). */
  maxEntries: number;
  /** Sum of the declared uncompressed sizes of all entries. */
  maxTotalUncompressedBytes: number;
  /** Uncompressed / compressed size of one entry; checked only for entries above `ratioCheckFromBytes`. */
  maxCompressionRatio: number;
  /** Small entries (a blank PNG, a CSS file) legitimately compress very well; they are not bombs. */
  ratioCheckFromBytes: number;
  /** Largest mark image read into memory for hashing and storing. */
  maxImageBytes: number;
}

export const defaultZipLimits: ZipLimits = {
  maxEntries: 1_000,
  maxTotalUncompressedBytes: 512 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioCheckFromBytes: 1024 * 1024,
  maxImageBytes: 20 * 1024 * 1024,
};
