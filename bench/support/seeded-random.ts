/** xorshift64*: reproducible random 64-bit hashes without pulling in a dependency. */
export function seededRandom64(seed: number): () => bigint {
  let state = BigInt(seed) | 1n;
  const mask = 0xffffffffffffffffn;
  return () => {
    state ^= state >> 12n;
    state ^= (state << 25n) & mask;
    state ^= state >> 27n;
    return (state * 0x2545f4914f6cdd1dn) & mask;
  };
}
