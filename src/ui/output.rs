//! 生成报告: the report text, regenerated as answers change; 复制全文 with a visible
//! confirmation (selecting the text for Ctrl+C where copying is refused); 下载 .txt.

use crate::app::{template, use_store};
use crate::browser::clipboard::{copy_text, select_contents, Copied};
use crate::browser::files;
use crate::domain::generate::generate;
use crate::domain::render::to_text;
use crate::route::Route;
use crate::ui::widgets::Crumbs;
use leptos::prelude::*;

#[component]
pub fn Output(id: String) -> impl IntoView {
    let store = use_store();
    let rid = id.clone();
    let text = Memo::new(move |_| {
        store.data.with(|d| d.report(&rid).map(|r| to_text(&generate(template(), r))).unwrap_or_default())
    });
    let file_name = {
        let rid = id.clone();
        move || {
            store.data.with_untracked(|d| {
                d.report(&rid)
                    .map(|r| {
                        let name: String = format!(
                            "{}{}{}",
                            r.unit.trim(),
                            r.period_label(),
                            if r.kind == crate::domain::report::ReportKind::Unit {
                                "意识形态工作情况报告"
                            } else {
                                "个人对照检查材料"
                            }
                        )
                        .chars()
                        .filter(|c| {
                            !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') && !c.is_control()
                        })
                        .collect();
                        format!("{name}.txt")
                    })
                    .unwrap_or_else(|| "报告.txt".into())
            })
        }
    };
    let message = RwSignal::new(String::new());
    let preview: NodeRef<leptos::html::Div> = NodeRef::new();
    let copy = move |_| {
        let t = text.get_untracked();
        leptos::task::spawn_local(async move {
            let m = match copy_text(&t).await {
                Copied::ClipboardApi | Copied::CopyCommand => "已复制全文。请到Word或WPS中粘贴（Ctrl+V）。".to_string(),
                Copied::Failed => {
                    if let Some(el) = preview.get_untracked() {
                        select_contents(&el);
                    }
                    "浏览器不允许自动复制。全文已选中，请按Ctrl+C复制。".to_string()
                }
            };
            message.set(m);
        });
    };
    let download = move |_| {
        let m = match files::download(
            &file_name(),
            "text/plain;charset=utf-8",
            &text.get_untracked().replace('\n', "\r\n"),
        ) {
            Ok(()) => "已开始下载文本文件。".to_string(),
            Err(e) => format!("下载失败（{e}），请改用“复制全文”。"),
        };
        message.set(m);
    };
    view! {
        <Crumbs id=id.clone()/>
        <h1 tabindex="-1">"生成报告"</h1>
        <p class="lead">"报告随填写内容自动更新。复制后粘贴到Word或WPS中，再按本单位要求调整格式。"</p>
        <div class="actions sticky-actions">
            <button type="button" class="button" on:click=copy>"复制全文"</button>
            <button type="button" class="button button-secondary" on:click=download>"下载文本文件（.txt）"</button>
            <p class="confirm" role="status" aria-live="polite">{move || message.get()}</p>
        </div>
        <div class="preview" node_ref=preview tabindex="0" aria-label="报告全文">{move || text.get()}</div>
        <div class="actions nav-actions">
            <a class="button button-secondary" href=Route::Check { report: id.clone() }.href()>"返回核对"</a>
            <a class="button button-secondary" href=Route::Tasks { report: id.clone() }.href()>"返回清单"</a>
        </div>
    }
}
