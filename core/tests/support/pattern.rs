//! A reproducible byte stream for transfer tests: the writer draws its bytes
//! from one copy, the reader checks what arrives against another, and both
//! keep an FNV-1a checksum to print and compare.

/// A 64-bit FNV-1a checksum, fed in pieces.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Fnv(u64);

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

impl Fnv {
    /// The checksum of nothing.
    pub fn new() -> Fnv {
        Fnv(FNV_OFFSET)
    }

    /// The checksum with `bytes` added.
    pub fn feed(self, bytes: &[u8]) -> Fnv {
        bytes.iter().fold(self, |sum, &byte| sum.step(byte))
    }

    fn step(self, byte: u8) -> Fnv {
        Fnv((self.0 ^ u64::from(byte)).wrapping_mul(FNV_PRIME))
    }

    /// The checksum as a number, to print.
    pub fn value(self) -> u64 {
        self.0
    }
}

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv::new()
    }
}

/// The next bytes of a seeded xorshift stream, and the checksum of those
/// already drawn or checked.
pub struct PatternStream {
    state: u64,
    checksum: Fnv,
    position: u64,
}

impl PatternStream {
    /// The stream for `seed`; equal seeds give equal streams.
    pub fn new(seed: u64) -> PatternStream {
        PatternStream {
            // xorshift never leaves zero, so keep the state odd.
            state: seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1,
            checksum: Fnv::new(),
            position: 0,
        }
    }

    fn next_byte(&mut self) -> u8 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        let byte = (self.state >> 32) as u8;
        self.checksum = self.checksum.step(byte);
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
        self.checksum.value()
    }

    /// How many bytes were drawn or checked.
    pub fn position(&self) -> u64 {
        self.position
    }
}

/// The first `len` bytes of the stream for `seed`.
pub fn pattern_bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut data = vec![0u8; len];
    PatternStream::new(seed).fill(&mut data);
    data
}
