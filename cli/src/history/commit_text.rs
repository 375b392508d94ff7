//! Reads the text of commit objects the way libgit2 reads it: the tree and parents, and the
//! author, date and message a revision shows. Used where libgit2 is bypassed (commits read from
//! the packs on another thread) or refuses a commit as a whole (an author line it cannot parse),
//! so that what is found never depends on which reader found it.

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

/// The tree and parents in a commit object's bytes, when its `tree` and `parent` lines are
/// well formed (whatever its author line holds).
pub fn tree_and_parents(commit: &[u8]) -> Option<(Oid, Vec<Oid>)> {
    let header = &commit[..find(commit, b"\n\n").unwrap_or(commit.len())];
    let mut lines = header.split(|&b| b == b'\n');
    let tree = id(lines.next()?.strip_prefix(b"tree ")?)?;
    let parents = lines
        .map_while(|line| line.strip_prefix(b"parent "))
        .map(id)
        .collect::<Option<Vec<_>>>()?;
    Some((tree, parents))
}

fn id(hex: &[u8]) -> Option<Oid> {
    is_id(hex)
        .then(|| Oid::from_str(std::str::from_utf8(hex).ok()?).ok())
        .flatten()
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
    fn tree_and_parents_need_only_well_formed_tree_and_parent_lines() {
        let parent = "parent 0123456789abcdef0123456789abcdef01234567\n";
        let commit = format!("{TREE}{parent}{parent}author N >n@e< x\n\nMessage");
        let (tree, parents) = tree_and_parents(commit.as_bytes()).expect("tree and parents");
        assert_eq!(tree.to_string(), "4b825dc642cb6eb9a060e54bf8d69288fbee4904");
        assert_eq!(parents.len(), 2);
        let root = tree_and_parents(TREE.as_bytes()).expect("a root commit");
        assert!(root.1.is_empty());
        for bad in [
            "tree 4b825dc\n",
            "parent 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n",
            "tree 4b825dc642cb6eb9a060e54bf8d69288fbee490g\n",
        ] {
            assert_eq!(tree_and_parents(bad.as_bytes()), None, "{bad}");
        }
        let bad_parent = format!("{TREE}parent 0123\nauthor A <a@b> 1 +0000\n\n");
        assert_eq!(tree_and_parents(bad_parent.as_bytes()), None);
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
