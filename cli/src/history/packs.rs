//! Reads the author, date and message of the commits the walk lists straight from the pack
//! files, on a thread beside the walk.
//!
//! Listing a long history is half walking trees and half inflating the listed commits. libgit2
//! serialises every reader of a pack behind one lock (even across repository handles), so a
//! second libgit2 reader only slows the walk down; gix-pack reads the same packs through its
//! own mapping. Anything it cannot find or read (loose objects, alternates, a damaged entry,
//! an author line this parser is unsure of) comes back as `None`, and the walk then reads that
//! commit through libgit2, which also gives the error when there is one.

use std::path::Path;
use std::sync::mpsc;
use std::thread::JoinHandle;

use git2::Oid;

/// What a revision shows of its commit, read as libgit2 reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Authorship {
    pub name: String,
    pub email: String,
    /// Author time, seconds since the epoch.
    pub time: i64,
    /// The author's UTC offset in minutes.
    pub offset_minutes: i32,
    /// The full message, decoded lossily when it is not UTF-8.
    pub message: String,
}

impl Authorship {
    /// The authorship of a commit libgit2 has read.
    pub fn of(commit: &git2::Commit<'_>) -> Authorship {
        let author = commit.author();
        let when = author.when();
        Authorship {
            name: String::from_utf8_lossy(author.name_bytes()).into_owned(),
            email: String::from_utf8_lossy(author.email_bytes()).into_owned(),
            time: when.seconds(),
            offset_minutes: when.offset_minutes(),
            message: String::from_utf8_lossy(commit.message_bytes()).into_owned(),
        }
    }

    /// The authorship in a commit object's bytes, parsed the way libgit2 parses it, or `None`
    /// where this parser would have to guess (libgit2 then reads the commit).
    pub fn parse(commit: &[u8]) -> Option<Authorship> {
        let header_end = find(commit, b"\n\n")?;
        let mut message = &commit[header_end + 2..];
        // libgit2's `git_commit_message` leaves out leading blank lines.
        while let [b'\n', rest @ ..] = message {
            message = rest;
        }
        let mut lines = commit[..header_end].split(|&b| b == b'\n');
        if !is_id(lines.next()?.strip_prefix(b"tree ")?) {
            return None;
        }
        let mut author = lines.next()?;
        while let Some(parent) = author.strip_prefix(b"parent ") {
            if !is_id(parent) {
                return None;
            }
            author = lines.next()?;
        }
        let (name, email, time, offset_minutes) = signature(author.strip_prefix(b"author ")?)?;
        Some(Authorship {
            name: String::from_utf8_lossy(name).into_owned(),
            email: String::from_utf8_lossy(email).into_owned(),
            time,
            offset_minutes,
            message: String::from_utf8_lossy(message).into_owned(),
        })
    }
}

/// `NAME <EMAIL> TIME ZONE` as libgit2's `git_signature__parse` reads it: the email between the
/// last `<` and the last `>`, both parts trimmed of ASCII white space. Declines (returns `None`)
/// for any line without exactly one plain `TIME ZONE` after the email.
fn signature(line: &[u8]) -> Option<(&[u8], &[u8], i64, i32)> {
    let open = line.iter().rposition(|&b| b == b'<')?;
    let close = line.iter().rposition(|&b| b == b'>')?;
    if close <= open {
        return None;
    }
    let name = line[..open].trim_ascii();
    let email = line[open + 1..close].trim_ascii();
    let rest = std::str::from_utf8(line.get(close + 1..)?).ok()?;
    let (time, zone) = rest.strip_prefix(' ')?.split_once(' ')?;
    if !time.bytes().all(|b| b.is_ascii_digit()) || time.len() > 18 {
        return None;
    }
    let time: i64 = time.parse().ok()?;
    let (sign, digits) = zone.split_at_checked(1)?;
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let zone: i32 = digits.parse().ok()?;
    let (hours, minutes) = (zone / 100, zone % 100);
    if hours > 14 || minutes > 59 {
        return None;
    }
    let offset = hours * 60 + minutes;
    match sign {
        "+" => Some((name, email, time, offset)),
        "-" => Some((name, email, time, -offset)),
        _ => None,
    }
}

/// A full hexadecimal SHA-1, as libgit2 requires in `tree` and `parent` lines.
fn is_id(hex: &[u8]) -> bool {
    hex.len() == 40 && hex.iter().all(u8::is_ascii_hexdigit)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

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
            // Hands out a pack index position only after `lookup` found it, so the lookup in
            // `get_object_by_index` cannot go out of bounds.
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(commit: &str) -> Option<Authorship> {
        Authorship::parse(commit.as_bytes())
    }

    const TREE: &str = "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n";

    #[test]
    fn reads_author_time_zone_and_message() {
        let commit = format!(
            "{TREE}parent 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor An Peeters <an@example.org> 1707989200 +0130\ncommitter X <x@y> 1 +0000\n\nFirst line\n\nBody\n"
        );
        assert_eq!(
            parsed(&commit),
            Some(Authorship {
                name: "An Peeters".into(),
                email: "an@example.org".into(),
                time: 1_707_989_200,
                offset_minutes: 90,
                message: "First line\n\nBody\n".into(),
            })
        );
    }

    #[test]
    fn negative_zones_trimmed_names_and_leading_blank_lines_as_libgit2_has_them() {
        let commit = format!(
            "{TREE}author   Jan <Jan> Smet  < jan@example.org > 5 -0230\ncommitter X <x@y> 1 +0000\n\n\n\nMessage"
        );
        let read = parsed(&commit).expect("a readable commit");
        assert_eq!(read.name, "Jan <Jan> Smet");
        assert_eq!(read.email, "jan@example.org");
        assert_eq!(read.offset_minutes, -150);
        assert_eq!(read.message, "Message");
    }

    #[test]
    fn non_utf8_names_and_messages_are_read_lossily() {
        let mut commit = TREE.as_bytes().to_vec();
        commit.extend_from_slice(
            b"author Ren\xe9 <r@e> 1 +0000\ncommitter X <x@y> 1 +0000\n\nCaf\xe9",
        );
        let read = Authorship::parse(&commit).expect("a readable commit");
        assert_eq!(read.name, "Ren\u{fffd}");
        assert_eq!(read.message, "Caf\u{fffd}");
    }

    #[test]
    fn declines_what_libgit2_reads_with_its_own_guesses() {
        for author in [
            "author A <a@b>",
            "author A <a@b> 1",
            "author A <a@b> 1 0100",
            "author A <a@b> 1 +01",
            "author A <a@b> 1 +1560",
            "author A <a@b> x +0100",
            "author A <a@b> -1 +0100",
            "author A <a@b>  1 +0100",
            "author A <a@b> 1 +0100 extra",
            "author A a@b> 1 +0000",
            "author A >a@b< 1 +0000",
            "committer A <a@b> 1 +0000",
        ] {
            let commit = format!("{TREE}{author}\n\nMessage");
            assert_eq!(parsed(&commit), None, "{author}");
        }
        assert_eq!(parsed("author A <a@b> 1 +0000\n\nNo tree"), None);
        assert_eq!(
            parsed("tree 4b825dc\nauthor A <a@b> 1 +0000\n\nShort tree"),
            None
        );
        assert_eq!(
            parsed(&format!(
                "{TREE}parent nothex\nauthor A <a@b> 1 +0000\n\nBad parent"
            )),
            None
        );
        assert_eq!(parsed(&format!("{TREE}author A <a@b> 1 +0000")), None);
    }
}
