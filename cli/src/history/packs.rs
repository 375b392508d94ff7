//! Reads the author, date and message of the commits the walk lists straight from the pack
//! files, on a thread beside the walk.
//!
//! Listing a long history is half walking trees and half inflating the listed commits. libgit2
//! serialises every reader of a pack behind one lock (even across repository handles), so a
//! second libgit2 reader only slows the walk down; gix-pack reads the same packs through its
//! own mapping. Anything it cannot find or read (loose objects, alternates, a damaged entry,
//! an author line `commit_text` is unsure of) comes back as `None`, and the walk then reads that
//! commit through libgit2, which also gives the error when there is one.

use std::path::Path;
use std::sync::mpsc;
use std::thread::JoinHandle;

use git2::Oid;

use super::commit_text::Authorship;

/// The repository's pack files, each with its index.
pub struct Packs {
    bundles: Vec<gix_pack::Bundle>,
}

impl Packs {
    /// The packs in `objects/pack`, or `None` when there are none this can open.
    pub fn open(objects: &Path) -> Option<Packs> {
        let bundles: Vec<_> = std::fs::read_dir(objects.join("pack"))
            .ok()?
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "idx"))
            .filter_map(|idx| gix_pack::Bundle::at(idx, gix_hash::Kind::Sha1).ok())
            .collect();
        (!bundles.is_empty()).then_some(Packs { bundles })
    }

    /// The authorship of commit `id`, when a pack holds it and it reads cleanly.
    fn authorship(
        &self,
        id: Oid,
        inflate: &mut gix_zlib::Inflate,
        buffer: &mut Vec<u8>,
    ) -> Option<Authorship> {
        let id = gix_hash::oid::try_from_bytes(id.as_bytes()).ok()?;
        for bundle in &self.bundles {
            // `get_object_by_index` panics on a position outside the index; `lookup` only
            // returns positions inside it.
            let Some(index) = bundle.index.lookup(id) else {
                continue;
            };
            let (object, _) = bundle
                .get_object_by_index(index, buffer, inflate, &mut gix_pack::cache::Never)
                .ok()?;
            return match object.kind {
                gix_object::Kind::Commit => Authorship::parse(object.data),
                _ => None,
            };
        }
        None
    }
}

/// How many commits are handed to the reading thread at once: waking it for each one would cost
/// more in context switches than reading the commit.
const BATCH: usize = 64;

/// A thread reading the authorship of commits in the order they are asked for.
pub struct Reader {
    ids: mpsc::Sender<Vec<Oid>>,
    batch: Vec<Oid>,
    thread: JoinHandle<Vec<Option<Authorship>>>,
}

impl Reader {
    /// Starts reading from `packs`, or `None` when no thread can be started.
    pub fn start(packs: Packs) -> Option<Reader> {
        let (ids, asked) = mpsc::channel::<Vec<Oid>>();
        let thread = std::thread::Builder::new()
            .name("commit reader".into())
            .spawn(move || {
                let mut inflate = gix_zlib::Inflate::default();
                let mut buffer = Vec::new();
                asked
                    .into_iter()
                    .flatten()
                    .map(|id| packs.authorship(id, &mut inflate, &mut buffer))
                    .collect()
            })
            .ok()?;
        Some(Reader {
            ids,
            batch: Vec::with_capacity(BATCH),
            thread,
        })
    }

    /// Asks for commit `id`'s authorship; it comes back from [`Reader::finish`], in order.
    pub fn ask(&mut self, id: Oid) {
        self.batch.push(id);
        if self.batch.len() == BATCH {
            // A send fails only when the thread has died; `finish` then answers `None`.
            let _ = self.ids.send(std::mem::replace(
                &mut self.batch,
                Vec::with_capacity(BATCH),
            ));
        }
    }

    /// The authorship of every commit asked for, in the order asked; `None` for those not read
    /// (and for all of them if the thread died).
    pub fn finish(self, asked: usize) -> Vec<Option<Authorship>> {
        let _ = self.ids.send(self.batch);
        drop(self.ids);
        let mut read = self.thread.join().unwrap_or_default();
        read.resize(asked, None);
        read
    }
}
