//! Reading one post's bytes safely: only a regular file or standard input, and no more than a
//! size limit, so that a FIFO, a device or a huge file can neither hang a run nor exhaust memory.

use std::cell::RefCell;
use std::fmt;
use std::io::Read;
use std::path::Path;

/// The largest post read when the configuration sets no `max-post-size`: 4 MB, far beyond any
/// real post (the longest seen are under 100 KB).
pub const DEFAULT_MAX_POST_SIZE: u64 = 4 * MB;

const KB: u64 = 1024;
const MB: u64 = 1024 * KB;

/// Why a post could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The operating system refused (missing, permission, a symlink loop…).
    Io(std::io::Error),
    /// The path is not a regular file: what it is instead (`a FIFO`, `a device`…).
    NotAFile(&'static str),
    /// The post is larger than the limit (bytes).
    TooLarge { limit: u64 },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io(e) => write!(f, "{}", crate::error::io_cause(e)),
            Self::NotAFile(what) => {
                write!(f, "{what}, not a regular file; name a post file or `-` for stdin")
            }
            Self::TooLarge { limit } => write!(
                f,
                "larger than the {} limit for a post; it was not checked (raise `max-post-size` in postlint.toml to check it)",
                size(*limit)
            ),
        }
    }
}

/// `bytes` written for a person: `4 MB`, `512 KB`, `100 bytes`.
pub fn size(bytes: u64) -> String {
    match bytes {
        b if b >= MB && b % MB == 0 => format!("{} MB", b / MB),
        b if b >= KB && b % KB == 0 => format!("{} KB", b / KB),
        b => format!("{b} bytes"),
    }
}

/// Reads a size written in `postlint.toml`: a number of bytes, or a string such as `"8 MB"`
/// or `"512 KB"` (KB = 1024 bytes, MB = 1024 KB).
pub fn parse_size(text: &str) -> Option<u64> {
    let text = text.trim();
    let digits = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let number: u64 = text[..digits].parse().ok()?;
    let unit = match text[digits..].trim().to_ascii_uppercase().as_str() {
        "" | "B" | "BYTES" => 1,
        "KB" | "K" => KB,
        "MB" | "M" => MB,
        _ => return None,
    };
    number.checked_mul(unit).filter(|&n| n > 0)
}

/// Reads the post at `path`: a regular file (a symlink is followed) of at most `limit` bytes.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open(path).map_err(ReadError::Io)?;
    let metadata = file.metadata().map_err(ReadError::Io)?;
    if !metadata.is_file() {
        return Err(ReadError::NotAFile(describe(&metadata.file_type())));
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    read_at_most(file, limit)
}

/// The largest rule file, configuration or word list read: 64 MB.
pub const MAX_CONFIGURATION_SIZE: u64 = 64 * MB;

/// Reads a text file postlint is configured with (a rule file, `postlint.toml`, a word list):
/// a regular file of at most `MAX_CONFIGURATION_SIZE`, in UTF-8; errors name the file (and the line and
/// column of a byte that is not UTF-8).
pub fn read_text(path: &Path) -> Result<String, crate::error::Error> {
    let name = path.display().to_string();
    let bytes = read_file(path, MAX_CONFIGURATION_SIZE)
        .map_err(|e| crate::error::Error::Io { path: name.clone(), message: e.to_string() })?;
    crate::source::decode(bytes).map_err(|error| crate::error::Error::Utf8 { path: name, error })
}

/// Reads standard input, at most `limit` bytes.
pub fn read_stdin(limit: u64) -> Result<Vec<u8>, ReadError> {
    read_at_most(std::io::stdin().lock(), limit)
}

/// Opens `path` for reading without waiting: a FIFO with no writer would block `open` itself.
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// What a file that is not a regular file is, in words.
pub fn describe(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    if kind.is_dir() { "a directory" } else { "not a regular file" }
}

/// The bytes of `reader`, or `TooLarge` once more than `limit` arrive (a file can grow after
/// its size was read). Posts are small, so this thread's 16 KB buffer takes most in one read
/// (and one more finds the end), a system call fewer per post than `std::fs::read`; the post
/// is then copied out at its size.
fn read_at_most(reader: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    thread_local! {
        static BUFFER: RefCell<Vec<u8>> = RefCell::new(vec![0; 16 * 1024]);
    }
    let mut reader = reader.take(limit.saturating_add(1));
    BUFFER.with_borrow_mut(|buffer| {
        let mut len = 0;
        let read = loop {
            if len == buffer.len() {
                buffer.resize(2 * len, 0);
            }
            match reader.read(&mut buffer[len..]) {
                Ok(0) if len as u64 > limit => break Err(ReadError::TooLarge { limit }),
                Ok(0) => break Ok(buffer[..len].to_vec()),
                Ok(n) => len += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => break Err(ReadError::Io(e)),
            }
        };
        // A huge file does not keep its buffer for the rest of the run.
        if buffer.len() > 1 << 20 {
            *buffer = vec![0; 16 * 1024];
        }
        read
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn returns_every_byte_of_files_smaller_and_larger_than_its_buffer() {
        let dir = tempfile::tempdir().unwrap();
        for len in [0, 1, 16 * 1024 - 1, 16 * 1024, 16 * 1024 + 1, 100_000, (1 << 20) + 3] {
            let bytes: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let path = dir.path().join(format!("{len}.txt"));
            std::fs::write(&path, &bytes).unwrap();
            assert_eq!(read_file(&path, DEFAULT_MAX_POST_SIZE).unwrap(), bytes, "{len} bytes");
        }
    }

    #[test]
    fn a_post_at_the_limit_is_read_and_one_byte_more_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.txt");
        std::fs::write(&path, vec![b'a'; 100]).unwrap();
        assert_eq!(read_file(&path, 100).unwrap().len(), 100);
        assert!(matches!(read_file(&path, 99), Err(ReadError::TooLarge { limit: 99 })));
        // A stream has no size to look at first: it is cut at the limit.
        assert!(matches!(read_at_most(&[b'a'; 100][..], 99), Err(ReadError::TooLarge { limit: 99 })));
        assert_eq!(read_at_most(&[b'a'; 100][..], 100).unwrap().len(), 100);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_device_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let c_path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
        assert!(matches!(read_file(&fifo, 100), Err(ReadError::NotAFile("a FIFO (named pipe)"))));
        assert!(matches!(read_file(Path::new("/dev/zero"), 100), Err(ReadError::NotAFile("a device"))));
    }

    #[test]
    fn sizes_read_and_print_in_bytes_kb_and_mb() {
        assert_eq!(parse_size("8 MB"), Some(8 * MB));
        assert_eq!(parse_size("512kb"), Some(512 * KB));
        assert_eq!(parse_size("1000"), Some(1000));
        assert_eq!(parse_size("0"), None);
        assert_eq!(parse_size("8 GB"), None);
        assert_eq!(parse_size("MB"), None);
        assert_eq!(size(4 * MB), "4 MB");
        assert_eq!(size(1536), "1536 bytes");
        assert_eq!(size(512 * KB), "512 KB");
    }
}
