//! An append-only file of JSON lines, shared by the processes that write
//! it (`serve` and `sepiola moderate`): each append takes the file's
//! exclusive lock, first reads what others appended, then writes one line
//! and syncs it to disk before answering, so a record that was confirmed
//! survives a crash or `kill -9`. A line cut short by a crash is skipped
//! (and the next append starts on a new line).

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::ModerationError;

/// Longest line read back (a longer one is corrupt and skipped).
const MAX_LINE: usize = 64 * 1024;

/// One append-only JSON Lines file of `T`.
pub struct Journal<T> {
    path: PathBuf,
    file: File,
    /// Bytes of the file already read (up to the last complete line).
    read_to: u64,
    _records: PhantomData<fn() -> T>,
}

impl<T: Serialize + DeserializeOwned> Journal<T> {
    /// Opens (or creates) the file and reads every record in it.
    pub fn open(path: &Path) -> Result<(Journal<T>, Vec<T>), ModerationError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| ModerationError::io(dir, e))?;
        }
        let file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
            .map_err(|e| ModerationError::io(path, e))?;
        let mut j = Journal {
            path: path.to_path_buf(),
            file,
            read_to: 0,
            _records: PhantomData,
        };
        let all = j.read_new()?;
        Ok((j, all))
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether another process appended since the last read.
    pub fn changed(&self) -> bool {
        std::fs::metadata(&self.path).map(|m| m.len()).unwrap_or(0) > self.read_to
    }

    /// The records appended since the last read (by anyone).
    pub fn read_new(&mut self) -> Result<Vec<T>, ModerationError> {
        let path = self.path.clone();
        let io = |e| ModerationError::io(&path, e);
        self.file.seek(SeekFrom::Start(self.read_to)).map_err(io)?;
        let mut bytes = Vec::new();
        self.file.read_to_end(&mut bytes).map_err(io)?;
        // Only whole lines: a line being written (or cut by a crash) waits.
        let Some(end) = bytes.iter().rposition(|b| *b == b'\n') else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for (n, line) in bytes[..end].split(|b| *b == b'\n').enumerate() {
            if line.is_empty() || line.len() > MAX_LINE {
                continue;
            }
            match serde_json::from_slice::<T>(line) {
                Ok(r) => out.push(r),
                Err(e) => tracing::warn!(
                    path = %self.path.display(),
                    line = n,
                    error = %e,
                    "unreadable moderation record skipped"
                ),
            }
        }
        self.read_to += end as u64 + 1;
        Ok(out)
    }

    /// Under the file's exclusive lock: reads what others appended, asks
    /// `make` for the record to append given those (`None`: append
    /// nothing), appends it and syncs it. Returns the records read and the
    /// one appended.
    pub fn append_with<R>(
        &mut self,
        make: impl FnOnce(&[T]) -> Result<(Option<T>, R), ModerationError>,
    ) -> Result<(Vec<T>, R), ModerationError> {
        let path = self.path.clone();
        let io = |e| ModerationError::io(&path, e);
        self.file.lock().map_err(io)?;
        let result = self.append_locked(make);
        let unlocked = self.file.unlock().map_err(io);
        let r = result?;
        unlocked?;
        Ok(r)
    }

    fn append_locked<R>(
        &mut self,
        make: impl FnOnce(&[T]) -> Result<(Option<T>, R), ModerationError>,
    ) -> Result<(Vec<T>, R), ModerationError> {
        let path = self.path.clone();
        let io = |e| ModerationError::io(&path, e);
        let new = self.read_new()?;
        let (record, answer) = make(&new)?;
        if let Some(record) = record {
            let mut line = serde_json::to_vec(&record)?;
            line.push(b'\n');
            let len = self.file.seek(SeekFrom::End(0)).map_err(io)?;
            if len > self.read_to {
                // A line cut short by a crash: end it, it is skipped on read.
                line.insert(0, b'\n');
            }
            self.file.write_all(&line).map_err(io)?;
            self.file.sync_data().map_err(io)?;
            self.read_to = len + line.len() as u64;
        }
        Ok((new, answer))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends_survive_reopen_and_a_torn_line_is_skipped() -> Result<(), ModerationError> {
        let dir = tempfile::tempdir().map_err(|e| ModerationError::io(Path::new("tmp"), e))?;
        let path = dir.path().join("log.jsonl");
        let (mut a, all) = Journal::<u32>::open(&path)?;
        assert!(all.is_empty());
        a.append_with(|_| Ok((Some(1u32), ())))?;
        // Another process appends, then a crash leaves half a line.
        let (mut b, all) = Journal::<u32>::open(&path)?;
        assert_eq!(all, vec![1]);
        b.append_with(|seen| {
            assert!(seen.is_empty());
            Ok((Some(2u32), ()))
        })?;
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .and_then(|mut f| f.write_all(b"33"))
            .map_err(|e| ModerationError::io(&path, e))?;
        assert!(a.changed());
        let (seen, ()) = a.append_with(|seen| {
            assert_eq!(seen, &[2]);
            Ok((Some(4u32), ()))
        })?;
        assert_eq!(seen, vec![2]);
        let (_, all) = Journal::<u32>::open(&path)?;
        // "33" became a line of its own, and a u32: the torn line is read
        // as what it holds; a torn JSON object would be skipped.
        assert_eq!(all, vec![1, 2, 33, 4]);
        Ok(())
    }
}
