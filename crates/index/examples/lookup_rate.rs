//! Exact-lookup rate on a lexicon file: `lookup_rate <file.vnlx> [rounds]`.
//!
//! Prints lookups per second of wall time; run it under `perf stat -e task-clock` on a busy
//! machine to get the rate per CPU second.

use std::hint::black_box;
use std::time::Instant;

/// One way of looking a key up.
type Lookup<'a> = dyn Fn(&[u8]) -> Option<u64> + 'a;

fn main() -> Result<(), index::Error> {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| {
        eprintln!("usage: lookup_rate <file.vnlx> [rounds]");
        std::process::exit(2)
    });
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(20);
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
        let started = Instant::now();
        let mut found = 0usize;
        for _ in 0..rounds {
            for key in probes.iter() {
                found += usize::from(get(black_box(key)).is_some());
            }
        }
        let elapsed = started.elapsed();
        let n = rounds * probes.len();
        println!(
            "{name}: {n} lookups ({found} found) in {elapsed:.2?}: {:.2} M/s wall",
            n as f64 / elapsed.as_secs_f64() / 1e6
        );
    }
    Ok(())
}
