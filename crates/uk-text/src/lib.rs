//! Ukrainian text for vnuk.
