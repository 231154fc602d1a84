//! Statistics of the per-round ratios: their median, and a confidence
//! interval for the median that assumes nothing about their distribution
//! (the sign test's): between two order statistics of the sorted ratios.
//!
//! For n ratios from rounds independent of each other, the number of them
//! below the true median is Binomial(n, 1/2). With k the largest rank such
//! that P(Binomial(n, 1/2) < k) <= 1/40, the k-th smallest and the k-th
//! largest ratio bracket the median with probability 1 - 2 P(B < k) >= 95%.
//! The binomial sums are computed exactly, in integers.
//!
//! The bench is built without the test harness (`harness = false`): under
//! `cargo test --benches` rustc gets `--cfg test` but no `--test`, so
//! `#[test]` functions would never run. [`self_check`] asserts known values
//! instead; the driver calls it on every run, the quick mode (CI) included.

/// The most samples [`median_interval_ranks`] handles: the binomial
/// coefficients and 2^n stay within `u128`.
pub const MAX_SAMPLES: usize = 127;

/// The interval's two tails each hold at most 1/`TAIL_DENOMINATOR` of the
/// probability: a 95% interval.
const TAIL_DENOMINATOR: u128 = 40;

/// `sum_{i < k} C(n, i)` for every k in `0..=n + 1`: the binomial's
/// cumulative counts below each rank, out of 2^n.
fn counts_below(n: usize) -> Vec<u128> {
    // Pascal's triangle by additions only: every entry of row n is below
    // 2^n, so nothing overflows for n <= MAX_SAMPLES.
    let mut row = vec![1u128];
    for _ in 0..n {
        let mut next = vec![1u128; row.len() + 1];
        for i in 1..row.len() {
            next[i] = row[i - 1] + row[i];
        }
        row = next;
    }
    let mut below = Vec::with_capacity(n + 2);
    let mut sum = 0u128;
    below.push(0);
    for c in row {
        sum += c;
        below.push(sum);
    }
    below
}

/// The 1-based ranks `(k, n + 1 - k)` of the order statistics that bound
/// the 95% interval of the median of `n` samples: the largest k with
/// P(Binomial(n, 1/2) < k) <= 1/40. `None` when no k >= 1 qualifies (fewer
/// than 6 samples: even the lowest and highest of 5 bracket the median with
/// only 93.75% probability) or when `n > MAX_SAMPLES`.
pub fn median_interval_ranks(n: usize) -> Option<(usize, usize)> {
    if n > MAX_SAMPLES {
        return None;
    }
    let below = counts_below(n);
    // P(B < k) <= 1/40  <=>  40 * below[k] <= 2^n  <=>  below[k] <= floor(2^n / 40),
    // since below[k] is an integer; this way 40 * below[k] never overflows.
    let limit = (1u128 << n) / TAIL_DENOMINATOR;
    let k = (1..=n).take_while(|&k| below[k] <= limit).last()?;
    Some((k, n + 1 - k))
}

/// The probability that the interval of [`median_interval_ranks`] holds
/// the median: 1 - 2 P(Binomial(n, 1/2) < k), at least 95%.
pub fn interval_coverage(n: usize) -> Option<f64> {
    let (k, _) = median_interval_ranks(n)?;
    let below = counts_below(n)[k];
    Some(1.0 - 2.0 * below as f64 / (1u128 << n) as f64)
}

fn sorted(values: &[f64]) -> Vec<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted
}

/// The median; NaN for no values.
pub fn median(values: &[f64]) -> f64 {
    let sorted = sorted(values);
    let mid = sorted.len() / 2;
    match sorted.len() {
        0 => f64::NAN,
        len if len % 2 == 1 => sorted[mid],
        _ => (sorted[mid - 1] + sorted[mid]) / 2.0,
    }
}

/// The lowest and the highest value.
pub fn min_max(values: &[f64]) -> (f64, f64) {
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (min, max)
}

/// The 95% interval of the median of `values` (see the module's
/// documentation); `None` for fewer than 6 values.
pub fn median_interval(values: &[f64]) -> Option<(f64, f64)> {
    let (low, high) = median_interval_ranks(values.len())?;
    let sorted = sorted(values);
    Some((sorted[low - 1], sorted[high - 1]))
}

/// Asserts the ranks against the published table of the sign test's 95%
/// intervals and against the definition, and the interval against a small
/// sample; panics (failing the run) on a mismatch.
pub fn self_check() {
    for n in 0..6 {
        assert_eq!(median_interval_ranks(n), None, "n = {n}");
    }
    // Ranks of the 95% interval of the median, as the sign test's tables
    // give them (and Python's exact `math.comb` sums agreed).
    let known = [
        (6, 1),
        (8, 1),
        (9, 2),
        (11, 2),
        (12, 3),
        (15, 4),
        (17, 5),
        (20, 6),
        (21, 6),
        (25, 8),
        (30, 10),
        (31, 10),
        (50, 18),
        (81, 32),
        (100, 40),
    ];
    for (n, k) in known {
        assert_eq!(median_interval_ranks(n), Some((k, n + 1 - k)), "n = {n}");
    }
    // The definition, checked in floating point away from its edges: k's
    // lower tail is at most 2.5%, k + 1's above it.
    for n in 6..=MAX_SAMPLES {
        let (k, high) = median_interval_ranks(n).expect("an interval from 6 samples on");
        assert_eq!(k + high, n + 1);
        let tail = |k: usize| counts_below(n)[k] as f64 / 2f64.powi(n as i32);
        assert!(tail(k) <= 0.025 && tail(k + 1) > 0.025, "n = {n}, k = {k}");
    }
    assert_eq!(median_interval_ranks(MAX_SAMPLES + 1), None);
    // 21 rounds: the 6th and 16th ratios, 1 - 2 * 27896 / 2^21 = 97.34%.
    let coverage = interval_coverage(21).expect("21 samples have an interval");
    assert!((coverage - (1.0 - 2.0 * 27_896.0 / 2_097_152.0)).abs() < 1e-12);
    let values: Vec<f64> = (1..=9).rev().map(f64::from).collect();
    assert_eq!(median_interval(&values), Some((2.0, 8.0)));
    assert_eq!(median(&values), 5.0);
    assert_eq!(median(&[1.0, 4.0]), 2.5);
}
