//! A reproducible byte stream for transfer tests: the writer draws its bytes
//! from one copy, the reader checks what arrives against another, and both
//! keep an FNV-1a checksum to print and compare.

/// The next bytes of a seeded xorshift stream, and the checksum of those
/// already drawn or checked.
pub struct PatternStream {
    state: u64,
    checksum: u64,
    position: u64,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

impl PatternStream {
    /// The stream for `seed`; equal seeds give equal streams.
    pub fn new(seed: u64) -> PatternStream {
        PatternStream {
            // xorshift never leaves zero, so keep the state odd.
            state: seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1,
            checksum: FNV_OFFSET,
            position: 0,
        }
    }

    fn next_byte(&mut self) -> u8 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        let byte = (self.state >> 32) as u8;
        self.checksum = (self.checksum ^ u64::from(byte)).wrapping_mul(FNV_PRIME);
        self.position += 1;
        byte
    }

    /// Fills `buf` with the next bytes.
    pub fn fill(&mut self, buf: &mut [u8]) {
        for slot in buf {
            *slot = self.next_byte();
        }
    }

    /// Checks that `got` is the next bytes; on a mismatch, the stream
    /// offset of the first wrong byte.
    pub fn check(&mut self, got: &[u8]) -> Result<(), u64> {
        for &byte in got {
            let offset = self.position;
            if self.next_byte() != byte {
                return Err(offset);
            }
        }
        Ok(())
    }

    /// The FNV-1a checksum of every byte drawn or checked so far.
    pub fn checksum(&self) -> u64 {
        self.checksum
    }

    /// How many bytes were drawn or checked.
    pub fn position(&self) -> u64 {
        self.position
    }
}
