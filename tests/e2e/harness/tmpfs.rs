//! A size-limited tmpfs the test mounts (as root, as CI runs) to fill a
//! disk on purpose.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// A tmpfs mounted on a directory for the test's life (lazily unmounted
/// on drop, so a server still holding files cannot make the test hang).
pub struct Tmpfs(PathBuf);

impl Tmpfs {
    /// Mounts a tmpfs of `size` (`3m`) on `at`; None (and a line saying why) when this process may not mount.
    pub fn mount(at: &Path, size: &str) -> Option<Tmpfs> {
        let root = Command::new("id").arg("-u").output().ok()?;
        if String::from_utf8_lossy(&root.stdout).trim() != "0" {
            eprintln!("tmpfs: not root, cannot mount a tmpfs: skipped");
            return None;
        }
        std::fs::create_dir_all(at).unwrap();
        let st = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .status()
            .unwrap();
        assert!(
            st.success(),
            "mount tmpfs on {} failed as root",
            at.display()
        );
        Some(Tmpfs(at.to_path_buf()))
    }

    /// Grows (or shrinks) the file system.
    pub fn grow(&self, size: &str) {
        let st = Command::new("mount")
            .args(["-o", &format!("remount,size={size}")])
            .arg(&self.0)
            .status()
            .unwrap();
        assert!(st.success(), "remount {}", self.0.display());
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}
