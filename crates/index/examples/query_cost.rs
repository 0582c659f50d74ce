//! Cost of set queries on a lexicon file, in this thread's CPU time (meaningful on a busy
//! machine): `query_cost <file.vnlx> <term> [seconds]`.
//!
//! Runs a prefix query on the term's first three characters and fuzzy queries at distances
//! 1 and 2 on the whole term, and prints the matches and the CPU time per query. Each query
//! runs for at least `seconds` (default 0.5: the kernel's CPU-time counter is coarse).

use std::hint::black_box;
use std::time::Instant;

/// A query, run for its number of matches.
type Query<'a> = Box<dyn Fn() -> index::Result<usize> + 'a>;

/// Nanoseconds this thread has spent on a CPU, when the kernel says (Linux).
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

fn main() -> Result<(), index::Error> {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(term)) = (args.next(), args.next()) else {
        eprintln!("usage: query_cost <file.vnlx> <term> [seconds]");
        std::process::exit(2)
    };
    let seconds: f64 = args.next().and_then(|r| r.parse().ok()).unwrap_or(0.5);
    let lexicon = index::Lexicon::open(&path)?;
    let prefix: String = term.chars().take(3).collect();
    let queries: [(String, Query<'_>); 3] = [
        (
            format!("prefix {prefix:?}"),
            Box::new(|| Ok(lexicon.prefix(black_box(prefix.as_bytes())).count())),
        ),
        (
            format!("fuzzy {term:?} d1"),
            Box::new(|| Ok(lexicon.fuzzy(black_box(&term), 1)?.count())),
        ),
        (
            format!("fuzzy {term:?} d2"),
            Box::new(|| Ok(lexicon.fuzzy(black_box(&term), 2)?.count())),
        ),
    ];
    for (name, query) in &queries {
        let matches = query()?;
        let cpu_started = thread_cpu_ns();
        let started = Instant::now();
        let mut rounds = 0u32;
        while rounds == 0 || started.elapsed().as_secs_f64() < seconds {
            black_box(query()?);
            rounds += 1;
        }
        let wall = started.elapsed() / rounds;
        let cpu = match (cpu_started, thread_cpu_ns()) {
            (Some(a), Some(b)) => format!(
                "{:.1} µs CPU",
                b.saturating_sub(a) as f64 / 1e3 / f64::from(rounds)
            ),
            _ => "n/a".to_owned(),
        };
        println!("{name}: {matches} matches, {cpu}, {wall:.1?} wall per query");
    }
    Ok(())
}
