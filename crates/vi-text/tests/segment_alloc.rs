//! The segmentation hot path allocates nothing once its buffers have grown: segmenting a
//! line a second time (same buffers, warm caches) makes no allocation at all.

mod segment_common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use segment_common::segmenter;
use vi_text::segment::{SegmentOptions, Segmentation};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards every call to the system allocator unchanged; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn second_pass_allocates_nothing() {
    let segmenter = segmenter();
    let lines = [
        "Cuộc họp bí mật diễn ra ngày 17/9 tại Istanbul, Thổ Nhĩ Kỳ, theo https://politico.eu.",
        "Tổng thống Nga Vladimir Putin và Tổng thống Azerbaijan Ilham Aliyev điện đàm hôm 7/10.",
        "Giá vàng tăng 10,5% lên 100.000 đồng; liên hệ ban@toasoan.vn #kinh_tế 😀",
    ];
    let mut out = Segmentation::default();
    let mut text = String::new();
    for options in [
        SegmentOptions::default(),
        SegmentOptions {
            pretokenized: true,
            keep_existing: false,
        },
    ] {
        // First pass: buffers and caches grow.
        for line in lines {
            segmenter.segment(line, options, &mut out);
            text.clear();
            out.write_text(line, &mut text);
        }
        let before = ALLOCATIONS.load(Ordering::Relaxed);
        for line in lines {
            segmenter.segment(line, options, &mut out);
            text.clear();
            out.write_text(line, &mut text);
        }
        let after = ALLOCATIONS.load(Ordering::Relaxed);
        assert_eq!(
            after - before,
            0,
            "allocations on the second pass ({options:?})"
        );
    }
}
