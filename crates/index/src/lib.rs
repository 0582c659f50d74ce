//! vnuk's compiled lexicon.
