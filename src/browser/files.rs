//! Saving a file to the user's computer (a .txt report, a .json backup) and reading a file
//! they chose, without any server.

use wasm_bindgen::JsCast;

/// Offers `content` as a download named `file_name`.
pub fn download(file_name: &str, mime: &str, content: &str) -> Result<(), String> {
    offer(file_name, mime, &js_sys::Array::of1(&content.into()))
}

/// Offers bytes (a .docx) as a download named `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    offer(file_name, mime, &js_sys::Array::of1(&js_sys::Uint8Array::from(bytes)))
}

fn offer(file_name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), String> {
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("没有页面")?;
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &bag).map_err(|_| "无法生成文件")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "无法生成下载地址")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(|_| "无法生成链接")?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.set_attribute("hidden", "").ok();
    let body = doc.body().ok_or("没有页面")?;
    body.append_child(&a).ok();
    a.click();
    body.remove_child(&a).ok();
    web_sys::Url::revoke_object_url(&url).ok();
    Ok(())
}
