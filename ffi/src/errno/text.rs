//! NUL-terminated copies of the core's errno names and messages, packed at
//! compile time, so that `sc_errname` and `sc_strerror` return static C
//! strings without allocating and without a second list of errnos to keep in
//! step with the core's.

use core::ffi::{c_char, c_int, CStr};

use sockcore::Errno;

/// Which text of an errno a table holds.
#[derive(Clone, Copy)]
pub(crate) enum Text {
    /// `Errno::name`: `"ECONNREFUSED"`.
    Name,
    /// `Errno::message`: `"Connection refused"`.
    Message,
}

impl Text {
    const fn of(self, code: usize) -> &'static str {
        let errno = Errno::from_raw(code as i32);
        match self {
            Text::Name => errno.name(),
            Text::Message => errno.message(),
        }
    }
}

/// The kernel's `MAX_ERRNO`: no error number is larger.
const MAX_ERRNO: usize = 4095;

/// Entries `0..=last_named()` are the codes themselves; the one after,
/// unnamed by construction, answers for every larger code.
const ENTRIES: usize = last_named() + 2;

const fn last_named() -> usize {
    let unknown = Errno::from_raw(i32::MIN).name();
    let mut code = MAX_ERRNO;
    while code > 0 && same(Text::Name.of(code), unknown) {
        code -= 1;
    }
    code
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The longest text of a kind, in bytes.
// Used only by `const _` items, which the dead-code lint of the oldest
// supported Rust does not count as uses.
#[allow(dead_code)]
pub(crate) const fn longest(text: Text) -> usize {
    let mut longest = 0;
    let mut code = 0;
    while code < ENTRIES {
        let len = text.of(code).len();
        if len > longest {
            longest = len;
        }
        code += 1;
    }
    longest
}

/// Bytes for every entry's text and its NUL.
const fn packed_len(text: Text) -> usize {
    let mut total = 0;
    let mut code = 0;
    while code < ENTRIES {
        total += text.of(code).len() + 1;
        code += 1;
    }
    total
}

/// The texts of one kind, back to back, each followed by a NUL.
pub(crate) struct Table<const BYTES: usize> {
    bytes: [u8; BYTES],
    starts: [u16; ENTRIES],
}

impl<const BYTES: usize> Table<BYTES> {
    const fn build(text: Text) -> Table<BYTES> {
        assert!(BYTES <= u16::MAX as usize);
        let mut bytes = [0; BYTES];
        let mut starts = [0; ENTRIES];
        let mut at = 0;
        let mut code = 0;
        while code < ENTRIES {
            starts[code] = at as u16;
            let s = text.of(code).as_bytes();
            let mut i = 0;
            while i < s.len() {
                bytes[at] = s[i];
                at += 1;
                i += 1;
            }
            // The NUL: bytes starts zeroed.
            at += 1;
            code += 1;
        }
        assert!(at == BYTES);
        Table { bytes, starts }
    }

    /// The text for `code`, of either sign, as a static C string.
    pub(crate) fn get(&'static self, code: c_int) -> *const c_char {
        let index = (code.unsigned_abs() as usize).min(ENTRIES - 1);
        let start = self
            .starts
            .get(index)
            .map_or(0, |&start| usize::from(start));
        let text = self.bytes.get(start..).unwrap_or(&self.bytes);
        text.as_ptr().cast()
    }

    /// The text for `code`, of either sign, without its NUL.
    pub(crate) fn text(&'static self, code: c_int) -> &'static [u8] {
        // SAFETY: get returns a NUL-terminated string in a static table.
        unsafe { CStr::from_ptr(self.get(code)) }.to_bytes()
    }
}

/// The message of every number Linux does not define (0 aside), to which
/// `sc_strerror_r` adds the number; no defined errno has it.
pub(crate) const UNKNOWN_MESSAGE: &str = Errno::from_raw(i32::MIN).message();

const _: () = assert!(only_undefined_numbers_say_unknown());

/// Whether every entry whose message is [`UNKNOWN_MESSAGE`] is a number
/// Linux does not define.
// Used only by `const _` items, which the dead-code lint of the oldest
// supported Rust does not count as uses.
#[allow(dead_code)]
const fn only_undefined_numbers_say_unknown() -> bool {
    let unknown_name = Errno::from_raw(i32::MIN).name();
    let mut code = 0;
    while code < ENTRIES {
        let says_unknown = same(Text::Message.of(code), UNKNOWN_MESSAGE);
        if says_unknown && !same(Text::Name.of(code), unknown_name) {
            return false;
        }
        code += 1;
    }
    true
}

/// `"EPERM"`, `"ENOENT"`, … by errno.
pub(crate) static NAMES: Table<{ packed_len(Text::Name) }> = Table::build(Text::Name);

/// `"Operation not permitted"`, … by errno.
pub(crate) static MESSAGES: Table<{ packed_len(Text::Message) }> = Table::build(Text::Message);
