//! Offering a file to the user's computer (a .txt or .docx report, a .json backup) as a
//! download, without any server. Reading a file the user chose is done where it is chosen
//! (`ui::backup`), with the browser's File API.

use std::fmt;
use wasm_bindgen::JsCast;

/// Why a download could not be offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DownloadError {
    /// No document or body to attach the link to.
    NoPage,
    /// The browser refused to make the file (Blob).
    NoFile,
    /// The browser refused to make an address for the file.
    NoAddress,
    /// The browser refused to make the download link.
    NoLink,
}

impl fmt::Display for DownloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DownloadError::NoPage => "没有页面",
            DownloadError::NoFile => "无法生成文件",
            DownloadError::NoAddress => "无法生成下载地址",
            DownloadError::NoLink => "无法生成链接",
        })
    }
}

/// Offers `content` as a download named `file_name`.
pub fn download(file_name: &str, mime: &str, content: &str) -> Result<(), DownloadError> {
    offer(file_name, mime, &js_sys::Array::of1(&content.into()))
}

/// Offers bytes (a .docx) as a download named `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), DownloadError> {
    offer(file_name, mime, &js_sys::Array::of1(&js_sys::Uint8Array::from(bytes)))
}

fn offer(file_name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), DownloadError> {
    let doc = web_sys::window().and_then(|w| w.document()).ok_or(DownloadError::NoPage)?;
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &bag).map_err(|_| DownloadError::NoFile)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| DownloadError::NoAddress)?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(|_| DownloadError::NoLink)?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.set_attribute("hidden", "").ok();
    let body = doc.body().ok_or(DownloadError::NoPage)?;
    body.append_child(&a).ok();
    a.click();
    body.remove_child(&a).ok();
    web_sys::Url::revoke_object_url(&url).ok();
    Ok(())
}
