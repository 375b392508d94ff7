//! Throw-away git repositories with scripted plan histories, built with the `git` command line
//! in a fixed environment (no user or system configuration, fixed authors and dates), so that
//! commit ids are the same on every run and every machine.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use tempfile::TempDir;

use crate::{Run, continuity, fixture};

/// Someone who commits to a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Author {
    pub name: &'static str,
    pub email: &'static str,
}

/// The plan's owner.
pub const AN: Author = Author {
    name: "An Peeters",
    email: "an@heidebeek.example",
};

/// The ICT manager.
pub const BERT: Author = Author {
    name: "Bert Claes",
    email: "bert@heidebeek.example",
};

/// The time of day and UTC offset of every scripted commit.
const TIME_OF_DAY: &str = "T10:00:00+01:00";

/// Variables of the caller's environment that would change what git or libgit2 does.
const GIT_VARIABLES: &[&str] = &[
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_COMMON_DIR",
    "GIT_CEILING_DIRECTORIES",
    "GIT_DISCOVERY_ACROSS_FILESYSTEM",
    "GIT_CONFIG",
    "GIT_CONFIG_PARAMETERS",
    "GIT_CONFIG_COUNT",
    "GIT_NAMESPACE",
    "GIT_REPLACE_REF_BASE",
    "GIT_NO_REPLACE_OBJECTS",
    "GIT_GRAFT_FILE",
    "GIT_SHALLOW_FILE",
    "GIT_AUTHOR_NAME",
    "GIT_AUTHOR_EMAIL",
    "GIT_AUTHOR_DATE",
    "GIT_COMMITTER_NAME",
    "GIT_COMMITTER_EMAIL",
    "GIT_COMMITTER_DATE",
    "EMAIL",
];

/// Gives `command` the fixed environment: `home` as the home directory, no system
/// configuration, no git variables inherited from the caller, English messages.
pub fn isolate<'c>(command: &'c mut Command, home: &Path) -> &'c mut Command {
    for variable in GIT_VARIABLES {
        command.env_remove(variable);
    }
    command
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", home.join(".gitconfig"))
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("LC_ALL", "C")
        .env("TZ", "UTC")
}

/// A temporary folder holding a home directory and any number of repositories.
#[derive(Debug)]
pub struct Sandbox {
    dir: TempDir,
}

impl Default for Sandbox {
    fn default() -> Self {
        Self::new()
    }
}

impl Sandbox {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("create a temporary folder");
        fs::create_dir_all(dir.path().join("home")).expect("create the home directory");
        Sandbox { dir }
    }

    /// The sandbox's root folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The home directory every command gets.
    pub fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    /// `relative` inside the sandbox.
    pub fn join(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    /// A new repository `name` (branch `main`) in the sandbox.
    pub fn init(&self, name: &str) -> GitRepo {
        let root = self.join(name);
        fs::create_dir_all(&root).expect("create the repository folder");
        let repo = GitRepo {
            root,
            home: self.home(),
        };
        repo.git(&["-c", "init.defaultBranch=main", "init", "--quiet"]);
        repo
    }

    /// The existing repository (a clone, a linked worktree) in `dir` (relative to the sandbox).
    pub fn open(&self, dir: &str) -> GitRepo {
        GitRepo {
            root: self.join(dir),
            home: self.home(),
        }
    }

    /// Runs `git` with `args` in `dir` (relative to the sandbox); panics when it fails.
    pub fn git_in(&self, dir: &str, args: &[&str]) -> String {
        git(&self.join(dir), &self.home(), args, &[])
    }

    /// Runs `continuity` with `args` in `dir` (relative to the sandbox), in the fixed environment.
    pub fn run(&self, dir: &str, args: &[&str]) -> Run {
        run_isolated(&self.join(dir), &self.home(), args)
    }
}

/// Runs `continuity` in `dir` with `home` as its home directory and no git variables.
pub fn run_isolated(dir: &Path, home: &Path, args: &[&str]) -> Run {
    let mut command = continuity();
    isolate(&mut command, home);
    let run: Run = command
        .args(args)
        .current_dir(dir)
        .output()
        .expect("continuity runs")
        .into();
    run.assert_no_panic();
    run
}

/// Runs `git` in `dir`; `env` adds variables (values may be any bytes). Panics when git fails.
fn git(dir: &Path, home: &Path, args: &[&str], env: &[(&str, &OsStr)]) -> String {
    let mut command = Command::new("git");
    isolate(&mut command, home);
    command.args(args).current_dir(dir);
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().expect("git runs (is it installed?)");
    assert!(
        output.status.success(),
        "git {} failed in {}:\n{}{}",
        args.join(" "),
        dir.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

/// Runs `git` in `dir` with `stdin` as its input; returns its raw output. Panics when git fails.
fn git_bytes(dir: &Path, home: &Path, args: &[&str], stdin: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    use std::process::Stdio;
    let mut command = Command::new("git");
    isolate(&mut command, home);
    let mut child = command
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("git runs (is it installed?)");
    child
        .stdin
        .take()
        .expect("a pipe to git")
        .write_all(stdin)
        .expect("write to git");
    let output = child.wait_with_output().expect("git finishes");
    assert!(
        output.status.success(),
        "git {} failed:\n{}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// A repository with a working tree, for scripting a plan's history.
#[derive(Debug)]
pub struct GitRepo {
    root: PathBuf,
    home: PathBuf,
}

impl GitRepo {
    /// The working tree.
    pub fn path(&self) -> &Path {
        &self.root
    }

    /// Runs `git` with `args` in the working tree; panics when it fails; returns stdout.
    pub fn git(&self, args: &[&str]) -> String {
        git(&self.root, &self.home, args, &[])
    }

    /// Writes `bytes` to `path` (relative to the working tree) and stages it.
    pub fn write(&self, path: &str, bytes: impl AsRef<[u8]>) -> &Self {
        let file = self.root.join(path);
        if let Some(parent) = file.parent() {
            fs::create_dir_all(parent).expect("create the plan's folder");
        }
        fs::write(&file, bytes).expect("write the file");
        self.git(&["add", "--", path]);
        self
    }

    /// Writes `plan` as pretty JSON (with a final newline) to `path` and stages it.
    pub fn write_plan(&self, path: &str, plan: &Value) -> &Self {
        self.write(path, plan_text(plan))
    }

    /// Removes `path` from the working tree and the index.
    pub fn remove(&self, path: &str) -> &Self {
        self.git(&["rm", "--quiet", "--", path]);
        self
    }

    /// Renames `from` to `to` (`git mv`).
    pub fn rename(&self, from: &str, to: &str) -> &Self {
        if let Some(parent) = self.root.join(to).parent() {
            fs::create_dir_all(parent).expect("create the new folder");
        }
        self.git(&["mv", "--", from, to]);
        self
    }

    /// Commits what is staged as `author` on `date` (`YYYY-MM-DD`); returns the commit id.
    pub fn commit(&self, author: Author, date: &str, message: &str) -> String {
        let env = author_env(OsStr::new(author.name), author.email, date);
        let env: Vec<(&str, &OsStr)> = env.iter().map(|(k, v)| (*k, v.as_os_str())).collect();
        git(
            &self.root,
            &self.home,
            &["commit", "--quiet", "--allow-empty", "-m", message],
            &env,
        );
        self.head()
    }

    /// Commits what is staged with an author name given as raw bytes (which need not be UTF-8),
    /// the way another tool or an old git might have written it: `git commit` would re-encode
    /// such a name, so the commit is rewritten byte for byte with `git hash-object --literally`.
    /// With `encoding`, the commit also carries an `encoding` header naming the bytes' charset.
    pub fn commit_with_raw_author(
        &self,
        name: &[u8],
        encoding: Option<&str>,
        email: &str,
        date: &str,
        message: &str,
    ) -> String {
        const PLACEHOLDER: &str = "Placeholder Author";
        let author = Author {
            name: PLACEHOLDER,
            email: "placeholder@example.invalid",
        };
        self.commit(author, date, message);
        self.rewrite_head(|original| {
            let mut rewritten = Vec::new();
            let mut rest = original;
            let mut in_header = true;
            while !rest.is_empty() {
                let end = rest
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(rest.len(), |i| i + 1);
                let (line, tail) = rest.split_at(end);
                rest = tail;
                let field = line.split(|&b| b == b' ').next().unwrap_or_default();
                match field {
                    b"author" | b"committer" if in_header => {
                        let at = line.iter().position(|&b| b == b'>').expect("an ident") + 1;
                        rewritten.extend_from_slice(field);
                        rewritten.push(b' ');
                        rewritten.extend_from_slice(name);
                        rewritten.extend_from_slice(format!(" <{email}>").as_bytes());
                        rewritten.extend_from_slice(&line[at..]);
                        if field == b"committer" {
                            if let Some(encoding) = encoding {
                                rewritten
                                    .extend_from_slice(format!("encoding {encoding}\n").as_bytes());
                            }
                        }
                    }
                    _ => {
                        in_header &= line != b"\n";
                        rewritten.extend_from_slice(line);
                    }
                }
            }
            rewritten
        })
    }

    /// Replaces HEAD's commit by one whose bytes `rewrite` makes from the original (updating
    /// HEAD's branch); written with `git hash-object --literally`, so git keeps them as they are
    /// however odd. Returns the new commit's id.
    pub fn rewrite_head(&self, rewrite: impl FnOnce(&[u8]) -> Vec<u8>) -> String {
        let original = git_bytes(&self.root, &self.home, &["cat-file", "commit", "HEAD"], &[]);
        let rewritten = rewrite(&original);
        let id = git_bytes(
            &self.root,
            &self.home,
            &[
                "hash-object",
                "-t",
                "commit",
                "-w",
                "--literally",
                "--stdin",
            ],
            &rewritten,
        );
        let id = String::from_utf8_lossy(&id).trim().to_owned();
        self.git(&["update-ref", "HEAD", &id]);
        id
    }

    /// Merges `branch` into the current branch with a merge commit, as `author` on `date`.
    pub fn merge(&self, branch: &str, author: Author, date: &str, message: &str) -> String {
        let env = author_env(OsStr::new(author.name), author.email, date);
        let env: Vec<(&str, &OsStr)> = env.iter().map(|(k, v)| (*k, v.as_os_str())).collect();
        git(
            &self.root,
            &self.home,
            &[
                "merge",
                "--quiet",
                "--no-ff",
                "--no-edit",
                "-m",
                message,
                branch,
            ],
            &env,
        );
        self.head()
    }

    /// The id of HEAD.
    pub fn head(&self) -> String {
        self.git(&["rev-parse", "HEAD"])
    }

    /// Runs `continuity` with `args` in the working tree, in the fixed environment.
    pub fn run(&self, args: &[&str]) -> Run {
        run_isolated(&self.root, &self.home, args)
    }

    /// Runs `continuity` with `args` in the working tree and returns its raw output, for
    /// checking the bytes it writes.
    pub fn output(&self, args: &[&str]) -> std::process::Output {
        let mut command = continuity();
        isolate(&mut command, &self.home);
        command
            .args(args)
            .current_dir(&self.root)
            .output()
            .expect("continuity runs")
    }

    /// Runs `continuity` with `args` in `dir` (relative to the working tree).
    pub fn run_in(&self, dir: &str, args: &[&str]) -> Run {
        run_isolated(&self.root.join(dir), &self.home, args)
    }
}

/// The author and committer variables for a commit by `name` <`email`> on `date`.
fn author_env(name: &OsStr, email: &str, date: &str) -> Vec<(&'static str, std::ffi::OsString)> {
    let when = format!("{date}{TIME_OF_DAY}");
    vec![
        ("GIT_AUTHOR_NAME", name.to_owned()),
        ("GIT_AUTHOR_EMAIL", email.into()),
        ("GIT_AUTHOR_DATE", when.clone().into()),
        ("GIT_COMMITTER_NAME", name.to_owned()),
        ("GIT_COMMITTER_EMAIL", email.into()),
        ("GIT_COMMITTER_DATE", when.into()),
    ]
}

/// A plan as its file holds it: pretty JSON with a final newline.
pub fn plan_text(plan: &Value) -> String {
    let mut text = serde_json::to_string_pretty(plan).expect("a plan serializes");
    text.push('\n');
    text
}

/// The small valid plan `tests/fixtures/rules/base.json`.
/// A supplier with one 24/7 emergency contact, for histories that add one to [`base_plan`].
pub fn cloud_supplier() -> Value {
    serde_json::json!({
        "id": "cloudco",
        "name": "CloudCo",
        "contacts": [{
            "function": "Support",
            "phone": "+32 2 000 00 00",
            "availability": "24/7",
            "emergency": true
        }]
    })
}

pub fn base_plan() -> Value {
    let path = fixture("rules/base.json");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("base.json is JSON")
}

/// One edit of a plan's JSON, addressed by a JSON Pointer.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Sets (or adds) the value at the pointer.
    Set(&'static str, Value),
    /// Removes the field or array element at the pointer.
    Remove(&'static str),
    /// Appends to the array at the pointer.
    Push(&'static str, Value),
}

/// `plan` with `edits` applied in order; panics when a pointer does not fit the plan.
pub fn edited(plan: &Value, edits: &[Edit]) -> Value {
    let mut plan = plan.clone();
    for edit in edits {
        match edit {
            Edit::Set(pointer, value) => {
                let (parent, key) = split_pointer(pointer);
                match plan.pointer_mut(parent) {
                    Some(Value::Object(map)) => {
                        map.insert(key.to_owned(), value.clone());
                    }
                    Some(Value::Array(items)) => {
                        let index: usize = key.parse().expect("an array index");
                        items[index] = value.clone();
                    }
                    _ => panic!("cannot set {pointer}: no object or array at {parent}"),
                }
            }
            Edit::Remove(pointer) => {
                let (parent, key) = split_pointer(pointer);
                match plan.pointer_mut(parent) {
                    Some(Value::Object(map)) => {
                        map.shift_remove(key)
                            .unwrap_or_else(|| panic!("nothing to remove at {pointer}"));
                    }
                    Some(Value::Array(items)) => {
                        items.remove(key.parse().expect("an array index"));
                    }
                    _ => panic!("cannot remove {pointer}"),
                }
            }
            Edit::Push(pointer, value) => match plan.pointer_mut(pointer) {
                Some(Value::Array(items)) => items.push(value.clone()),
                _ => panic!("no array at {pointer}"),
            },
        }
    }
    plan
}

fn split_pointer(pointer: &str) -> (&str, &str) {
    pointer
        .rsplit_once('/')
        .unwrap_or_else(|| panic!("`{pointer}` is not a JSON Pointer"))
}

/// One scripted commit: who, when, why, and what happens to the files.
#[derive(Debug, Clone)]
pub struct Step {
    pub author: Author,
    /// `YYYY-MM-DD`.
    pub date: &'static str,
    pub message: &'static str,
    pub action: Action,
}

/// What a scripted commit does.
#[derive(Debug, Clone)]
pub enum Action {
    /// Writes the plan at a path.
    Plan(&'static str, Value),
    /// Writes raw bytes at a path (a broken plan).
    Bytes(&'static str, Vec<u8>),
    /// Deletes a file.
    Delete(&'static str),
    /// Renames a file, then writes the plan at its new path.
    Rename(&'static str, &'static str, Value),
}

impl GitRepo {
    /// Commits each step in order; returns the commit ids, oldest first.
    pub fn script(&self, steps: &[Step]) -> Vec<String> {
        steps
            .iter()
            .map(|step| {
                match &step.action {
                    Action::Plan(path, plan) => {
                        self.write_plan(path, plan);
                    }
                    Action::Bytes(path, bytes) => {
                        self.write(path, bytes);
                    }
                    Action::Delete(path) => {
                        self.remove(path);
                    }
                    Action::Rename(from, to, plan) => {
                        self.rename(from, to).write_plan(to, plan);
                    }
                }
                self.commit(step.author, step.date, step.message)
            })
            .collect()
    }
}
