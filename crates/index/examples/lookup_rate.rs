//! Exact-lookup rate on a lexicon file: `lookup_rate <file.vnlx> [rounds] [variant]`.
//!
//! Prints lookups per second of wall time and, on Linux, per second of this thread's CPU time
//! (from `/proc/thread-self/schedstat`), which stays meaningful on a busy machine. `variant`
//! (a substring of a variant's name, such as `hit (Lexicon` or `miss`) runs only matching
//! variants, which keeps instruction counts from `valgrind --tool=callgrind` focused.

use std::hint::black_box;
use std::time::Instant;

/// One way of looking a key up.
type Lookup<'a> = dyn Fn(&[u8]) -> Option<u64> + 'a;

/// Nanoseconds this thread has spent on a CPU, when the kernel says.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

fn main() -> Result<(), index::Error> {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| {
        eprintln!("usage: lookup_rate <file.vnlx> [rounds] [variant]");
        std::process::exit(2)
    });
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(20);
    let only = args.next().unwrap_or_default();
    let lexicon = index::Lexicon::open(&path)?;
    let step = (lexicon.len() / 10_000).max(1);
    let mut keys = Vec::new();
    let mut i = 0usize;
    lexicon.stream().for_each(|k, _| {
        if i.is_multiple_of(step) {
            keys.push(k.to_vec());
        }
        i += 1;
    });
    let misses: Vec<Vec<u8>> = keys
        .iter()
        .map(|k| [k.as_slice(), "щщ".as_bytes()].concat())
        .collect();
    let fst_get = |key: &[u8]| lexicon.fst().get(key);
    let own_get = |key: &[u8]| lexicon.get(key);
    let variants: [(&str, &Vec<Vec<u8>>, &Lookup<'_>); 4] = [
        ("hit (Lexicon::get)", &keys, &own_get),
        ("miss (Lexicon::get)", &misses, &own_get),
        ("hit (fst::Map::get)", &keys, &fst_get),
        ("miss (fst::Map::get)", &misses, &fst_get),
    ];
    for (name, probes, get) in variants {
        if !name.contains(only.as_str()) {
            continue;
        }
        let cpu_started = thread_cpu_ns();
        let started = Instant::now();
        let mut found = 0usize;
        for _ in 0..rounds {
            for key in probes.iter() {
                found += usize::from(get(black_box(key)).is_some());
            }
        }
        let elapsed = started.elapsed();
        let cpu = match (cpu_started, thread_cpu_ns()) {
            (Some(a), Some(b)) => Some(b.saturating_sub(a) as f64 / 1e9),
            _ => None,
        };
        let n = rounds * probes.len();
        let per_cpu = cpu.map_or(String::from("n/a"), |s| {
            format!("{:.2} M/s CPU", n as f64 / s / 1e6)
        });
        println!(
            "{name}: {n} lookups ({found} found) in {elapsed:.2?}: {:.2} M/s wall, {per_cpu}",
            n as f64 / elapsed.as_secs_f64() / 1e6
        );
    }
    Ok(())
}
