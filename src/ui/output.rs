//! 生成报告: the report, regenerated as answers change, and the ways out of zeren:
//! 复制全文 (plain text), 复制为公文格式 (HTML that Word and WPS keep formatted),
//! 下载 .docx and .txt, and 打印 (a print stylesheet in the GB/T 9704 layout).
//! Each says what happened; where copying is refused, the text is selected for Ctrl+C.

use crate::browser::clipboard::{copy_html, copy_text, select_contents, Copied};
use crate::browser::files;
use crate::domain::generate::{generate, Block, Document};
use crate::domain::progress::{left_out, proof_counts, proof_findings};
use crate::domain::render::to_text;
use crate::domain::{docx, wordhtml};
use crate::route::Route;
use crate::state::{checklist, use_store, ProofRules};
use crate::ui::widgets::Crumbs;
use leptos::prelude::*;

const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

#[component]
pub fn Output(id: String) -> impl IntoView {
    let report = use_store().report(&id);
    let doc = Memo::new(move |_| {
        report
            .with(|r| r.as_ref().map(|r| generate(checklist(r), r)))
            .unwrap_or(Document { title: String::new(), blocks: vec![] })
    });
    let text = Memo::new(move |_| doc.with(to_text));
    let base_name =
        move || report.with_untracked(|r| r.as_ref().map(docx::file_name).unwrap_or_else(|| "报告.docx".into()));
    let message = RwSignal::new(String::new());
    // What the report leaves out, so nobody copies a half-finished report unawares.
    let gaps = move || report.with(|r| r.as_ref().and_then(|r| left_out(checklist(r), r)));
    // The proof-reader's count, once its rules have arrived: the list is on 核对.
    let store = use_store();
    let proof_note = Memo::new(move |_| {
        let ProofRules::Ready(rules) = store.proof_rules() else { return None };
        report.with(|r| {
            let r = r.as_ref()?;
            let (errors, warnings) = proof_counts(&proof_findings(rules, checklist(r), r));
            (errors + warnings > 0).then(|| format!("公文校对发现{errors}处错误、{warnings}处提示。"))
        })
    });
    let review_href = Route::review(&id).href();
    let proof_href = review_href.clone();
    let preview: NodeRef<leptos::html::Div> = NodeRef::new();
    let report_copy = move |how: Copied, what: &str| match how {
        Copied::Direct => format!("已{what}。请到Word或WPS中粘贴（Ctrl+V）。"),
        Copied::Compatible => format!("已{what}（使用兼容方式）。请到Word或WPS中粘贴（Ctrl+V）。"),
        Copied::Failed => {
            if let Some(el) = preview.get_untracked() {
                select_contents(&el);
            }
            "浏览器不允许自动复制。全文已选中，请按Ctrl+C复制。".to_string()
        }
    };
    let copy_plain = move |_| {
        let t = text.get_untracked();
        leptos::task::spawn_local(async move {
            message.set(report_copy(copy_text(&t).await, "复制全文"));
        });
    };
    let copy_formatted = move |_| {
        let t = text.get_untracked();
        let html = doc.with_untracked(wordhtml::to_word_html);
        leptos::task::spawn_local(async move {
            message.set(report_copy(copy_html(&html, &t).await, "按公文格式复制全文"));
        });
    };
    let name = base_name;
    let download_docx = move |_| {
        let bytes = doc.with_untracked(docx::to_docx);
        message.set(match files::download_bytes(&name(), DOCX_MIME, &bytes) {
            Ok(()) => "已开始下载Word文件（.docx）。".into(),
            Err(e) => format!("下载失败（{e}），请改用“复制为公文格式”。"),
        });
    };
    let download_txt = move |_| {
        let file = base_name().trim_end_matches(".docx").to_string() + ".txt";
        message.set(
            match files::download(&file, "text/plain;charset=utf-8", &text.get_untracked().replace('\n', "\r\n")) {
                Ok(()) => "已开始下载文本文件（.txt）。".into(),
                Err(e) => format!("下载失败（{e}），请改用“复制全文”。"),
            },
        );
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <Crumbs report=report />
        <h1 tabindex="-1">"生成报告"</h1>
        <p class="lead">
            "报告随填写内容自动更新。“复制为公文格式”粘贴到Word或WPS后，字体、字号、行距和首行缩进已按公文格式排好。"
        </p>
        {move || {
            gaps()
                .map(|g| {
                    view! {
                        <div class="notice" role="status">
                            <p>{format!("请注意：{g}。")}<a href=review_href.clone()>"去核对"</a></p>
                        </div>
                    }
                })
        }}
        {move || {
            proof_note
                .get()
                .map(|note| {
                    view! {
                        <div class="notice proof-note" role="status">
                            <p>{note}<a href=proof_href.clone()>"去核对页查看并改正"</a></p>
                        </div>
                    }
                })
        }}
        <div class="actions output-actions">
            <button type="button" class="button" on:click=copy_formatted>
                "复制为公文格式"
            </button>
            <button type="button" class="button button-secondary" on:click=copy_plain>
                "复制全文"
            </button>
            <button type="button" class="button button-secondary" on:click=download_docx>
                "下载Word文件（.docx）"
            </button>
            <button type="button" class="button button-secondary" on:click=download_txt>
                "下载文本文件（.txt）"
            </button>
            <button type="button" class="button button-secondary" on:click=print>
                "打印"
            </button>
            <p class="confirm" role="status" aria-live="polite">
                {move || message.get()}
            </p>
        </div>
        <div class="preview" node_ref=preview tabindex="0" role="region" aria-label="报告全文">
            {move || text.get()}
        </div>
        <PrintView doc=doc />
        <div class="actions nav-actions">
            <a class="button button-secondary" href=Route::review(&id).href()>
                "返回核对"
            </a>
            <a class="button button-secondary" href=Route::tasks(&id).href()>
                "返回清单"
            </a>
        </div>
    }
}

/// The report laid out for printing (hidden on screen): title, headings and body in the
/// official fonts; the print stylesheet sets the page, margins and page numbers.
#[component]
fn PrintView(doc: Memo<Document>) -> impl IntoView {
    let body = move || doc.with(|d| d.blocks.iter().map(print_block).collect_view());
    view! {
        <article class="print-doc" aria-hidden="true">
            <p class="doc-title">{move || doc.with(|d| d.title.clone())}</p>
            {body}
        </article>
    }
}

/// One block of the report as a printed paragraph.
fn print_block(b: &Block) -> AnyView {
    match b {
        Block::Paragraph(t) => view! { <p class="doc-body">{t.clone()}</p> }.into_any(),
        Block::Addressee(t) => view! { <p class="doc-addressee">{t.clone()}</p> }.into_any(),
        Block::Closing(t) => view! { <p class="doc-closing">{t.clone()}</p> }.into_any(),
        Block::Heading1 { .. } => view! { <p class="doc-h1">{b.text()}</p> }.into_any(),
        Block::Heading2 { .. } => view! { <p class="doc-h2">{b.text()}</p> }.into_any(),
        Block::Point { number, lead, text } => view! {
            <p class="doc-body">
                <b>{format!("{number}是{lead}")}</b>
                {text.clone()}
            </p>
        }
        .into_any(),
    }
}
