//! Banners at the top of every page: storage trouble, save failures, another tab's
//! changes, and 撤销 after a deletion. Each says what happened and what to do, in plain words.

use crate::browser::{
    files,
    storage::{LoadTrouble, SaveError},
};
use crate::state::{use_screen, use_store, SaveStatus};
use crate::ui::backup::export_all;
use leptos::prelude::*;

#[component]
pub fn Banners() -> impl IntoView {
    let store = use_store();
    let screen = use_screen();
    let export_button = || {
        view! {
            <button type="button" class="button" on:click=move |_| export_all()>
                "导出备份"
            </button>
        }
    };

    let trouble = move || {
        store.trouble().map(|p| match p {
            LoadTrouble::Unavailable => view! {
                <div class="banner banner-error" role="alert">
                    <p>
                        <strong>"无法保存："</strong>
                        "浏览器不允许本页面保存数据（可能是无痕窗口，或浏览器禁止了网站存储）。您仍可以填写，但关闭页面后内容会丢失。请填写完后“导出备份”或复制报告全文。"
                    </p>
                    {export_button()}
                </div>
            }.into_any(),
            LoadTrouble::Unreadable { reason, raw } => {
                let raw_for_download = raw.clone();
                view! {
                    <div class="banner banner-error" role="alert">
                        <p>
                            <strong>"原来保存的数据无法读取。"</strong>
                            {format!("原因：{reason}")}
                        </p>
                        <p>
                            "原始内容已另外保存在浏览器中，不会被覆盖，您也可以下载保存。在您选择之前，新的修改不会写入浏览器。"
                        </p>
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| {
                                let _ = files::download(
                                    "无法读取的原始数据.txt",
                                    "text/plain;charset=utf-8",
                                    &raw_for_download,
                                );
                            }
                        >
                            "下载原始数据"
                        </button>
                        " "
                        <button type="button" class="button button-secondary" on:click=move |_| store.start_afresh()>
                            "从空白开始（原始数据仍保留）"
                        </button>
                    </div>
                }.into_any()
            }
            LoadTrouble::Newer { message } => view! {
                <div class="banner banner-error" role="alert">
                    <p>{message}</p>
                    <p>
                        "您在本页面所做的修改不会保存到浏览器中，需要时请“导出备份”。"
                    </p>
                    {export_button()}
                </div>
            }.into_any(),
        })
    };

    let save_failure = move || match store.status() {
        SaveStatus::Failed(e @ SaveError::Conflict { .. }) => Some(
            view! {
                <div class="banner banner-warn" role="alert">
                    <p>{e.to_string()}</p>
                    <button type="button" class="button" on:click=move |_| store.reload()>
                        "载入另一标签页的内容"
                    </button>
                    " "
                    <button type="button" class="button button-secondary" on:click=move |_| store.overwrite()>
                        "保留本页内容，覆盖另一标签页的修改"
                    </button>
                </div>
            }
            .into_any(),
        ),
        SaveStatus::Failed(e) if store.trouble().is_none() => Some(
            view! {
                <div class="banner banner-error" role="alert">
                    <p>{e.to_string()}</p>
                    {export_button()}
                    " "
                    <button type="button" class="button button-secondary" on:click=move |_| store.save()>
                        "再试一次"
                    </button>
                </div>
            }
            .into_any(),
        ),
        _ => None,
    };

    let undo = move || {
        screen.deleted.get().map(|(_, r)| {
            let name = r.display_name();
            view! {
                <div class="banner banner-info" role="status">
                    <p>{format!("已删除“{name}”。")}</p>
                    <button
                        type="button"
                        class="button"
                        id="undo-delete-report"
                        on:click=move |_| {
                            if let Some((at, r)) = screen.deleted.get_untracked() {
                                store.restore_report(at, r);
                                screen.deleted.set(None);
                            }
                        }
                    >
                        "撤销删除"
                    </button>
                </div>
            }
        })
    };

    let flash = move || {
        screen.flash.get().filter(|(at, _)| *at == screen.route.get()).map(|(_, m)| {
            view! {
                <div class="banner banner-info" role="status">
                    <p>{m}</p>
                </div>
            }
        })
    };

    view! {
        {trouble}
        {save_failure}
        {undo}
        {flash}
    }
}
