//! Vietnamese text for vnuk.
