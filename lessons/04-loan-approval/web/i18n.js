// The page's text in English and Japanese. The browser's language picks one; the switch in the header changes it
// and the choice is kept in localStorage. Placeholders like {id} are filled by t(key, {id: ...}).

const TEXT = {
  en: {
    title: "Loan application",
    subtitle: "Lesson 4: a durable workflow that waits for a manager and a fraud check",
    language: "日本語",
    languageLabel: "Show the page in Japanese",
    settings: "API settings",
    apiUrl: "API URL",
    apiUrlHelp: "Empty: the API that serves this page (make run LESSON=4). For a deployed stack, paste the ApiUrl output of make deploy LESSON=4.",
    apiLocal: "Local runtime on this page's origin",
    save: "Use this API",
    profiles: "Demo profiles",
    profilesHelp: "A profile fills the form. Scores depend only on the SIN's last four digits.",
    profileAlice: "over 100,000: a manager must approve",
    profileBob: "credit score too low: denied",
    profileCharlie: "approved up to 25,000, denied above",
    form: "Application",
    applicationId: "Application id",
    applicationIdHelp: "Names the durable execution: the same id never starts a second one.",
    applicantName: "Applicant's name",
    sin: "SIN (9 digits)",
    amount: "Amount (dollars)",
    submit: "Submit application",
    newApplication: "New application",
    progress: "Progress",
    idle: "Choose a profile or fill the form, then submit.",
    stageValidation: "Validation",
    stageBureaus: "Credit bureaus (in parallel)",
    stageDecision: "Decision rules",
    stageManager: "Manager approval",
    stageFraud: "Fraud check",
    stageFinal: "Final decision",
    statePending: "not yet",
    stateActive: "running",
    stateWaiting: "waiting",
    stateDone: "done",
    stateSkipped: "not needed",
    stateFailed: "stopped",
    stateApproved: "approved",
    stateDenied: "denied",
    log: "Progress log",
    logHelp: "The lines the workflow writes to the progress table, read through GET /status every second.",
    replayed: "replayed",
    replayedTitle: "The workflow resumed after a wait: its handler ran again from the top and took this step's result from its checkpoint, so the line was not written again.",
    resumed: "The workflow resumed after {wait}: the steps above were replayed from their checkpoints.",
    waitManager: "the manager's approval",
    waitFraud: "the fraud check",
    resultApproved: "Approved",
    resultDenied: "Denied",
    resultFailed: "Failed",
    reason: "Reason: {reason}",
    approvalTitle: "A manager must decide",
    approvalIntro: "Application {id}{amount} waits for a manager. The workflow is suspended and uses no compute until you answer.",
    amountSuffix: " for {amount}",
    comment: "Comment (optional)",
    approve: "Approve",
    deny: "Deny",
    later: "Decide later",
    decide: "Decide now",
    approvalLocal: "Local runtime: POST /approve is not signed here, because the local HTTP API does not check IAM authorizers. The decision is recorded as by \"manager\".",
    approvalDeployed: "Deployed API: POST /approve needs IAM (SigV4). Paste temporary credentials of a role or user with the ApproverPolicyArn policy, for example from: aws configure export-credentials --format env. They stay in this tab's memory only.",
    region: "Region",
    accessKeyId: "Access key id",
    secretAccessKey: "Secret access key",
    sessionToken: "Session token",
    approvalSent: "Decision sent: {decision}.",
    errorField: "The API refused the application: {message}",
    errorNotFound: "Not found: {message}",
    errorConflict: "Nothing to decide: {message}",
    errorForbidden: "The API refused the signature or the credentials (HTTP {status}): {message}",
    errorServer: "The API failed (HTTP {status}): {message}",
    errorCredentials: "Fill in the access key id, the secret access key and the region to sign the request.",
    offline: "Connection lost: the API at {api} does not answer. Retrying…",
    online: "Connection restored.",
    statusLine: "Status: {status}",
    missingField: "This field is required.",
  },
  ja: {
    title: "ローン申込み",
    subtitle: "レッスン 4: マネージャーと不正チェックを待つ durable ワークフロー",
    language: "English",
    languageLabel: "ページを英語で表示する",
    settings: "API の設定",
    apiUrl: "API の URL",
    apiUrlHelp: "空欄なら、このページを配信している API（make run LESSON=4）を使います。デプロイしたスタックには make deploy LESSON=4 の出力 ApiUrl を貼り付けてください。",
    apiLocal: "このページと同じオリジンのローカル実行環境",
    save: "この API を使う",
    profiles: "デモ用プロファイル",
    profilesHelp: "プロファイルを選ぶとフォームに入力されます。スコアは SIN の下 4 桁だけで決まります。",
    profileAlice: "100,000 超: マネージャーの承認が必要",
    profileBob: "信用スコア不足: 却下",
    profileCharlie: "25,000 までは承認、超えると却下",
    form: "申込み内容",
    applicationId: "申込み ID",
    applicationIdHelp: "durable 実行の名前になります。同じ ID で 2 つ目の実行が始まることはありません。",
    applicantName: "申込者の氏名",
    sin: "SIN（9 桁）",
    amount: "金額（ドル）",
    submit: "申し込む",
    newApplication: "新しい申込み",
    progress: "進み具合",
    idle: "プロファイルを選ぶかフォームに入力して、申し込んでください。",
    stageValidation: "検証",
    stageBureaus: "信用調査機関（並列）",
    stageDecision: "審査ルール",
    stageManager: "マネージャーの承認",
    stageFraud: "不正チェック",
    stageFinal: "最終判断",
    statePending: "未着手",
    stateActive: "実行中",
    stateWaiting: "待機中",
    stateDone: "完了",
    stateSkipped: "不要",
    stateFailed: "中止",
    stateApproved: "承認",
    stateDenied: "却下",
    log: "進捗ログ",
    logHelp: "ワークフローが進捗テーブルに書いた行です。GET /status で毎秒読み直します。",
    replayed: "リプレイ",
    replayedTitle: "待機の後でワークフローが再開しました。ハンドラーは最初から実行し直され、このステップの結果はチェックポイントから取り出されたので、この行は書き直されていません。",
    resumed: "{wait}の後でワークフローが再開しました。上のステップはチェックポイントからリプレイされました。",
    waitManager: "マネージャーの承認",
    waitFraud: "不正チェック",
    resultApproved: "承認",
    resultDenied: "却下",
    resultFailed: "失敗",
    reason: "理由: {reason}",
    approvalTitle: "マネージャーの判断が必要です",
    approvalIntro: "申込み {id}{amount}がマネージャーを待っています。ワークフローは中断中で、回答するまで計算資源を使いません。",
    amountSuffix: "（{amount}）",
    comment: "コメント（任意）",
    approve: "承認する",
    deny: "却下する",
    later: "後で決める",
    decide: "今すぐ判断する",
    approvalLocal: "ローカル実行環境: ローカルの HTTP API は IAM オーソライザーを検査しないため、ここでは POST /approve に署名しません。判断者は「manager」として記録されます。",
    approvalDeployed: "デプロイした API: POST /approve には IAM（SigV4）が必要です。ApproverPolicyArn のポリシーを持つロールかユーザーの一時的な認証情報を貼り付けてください（例: aws configure export-credentials --format env）。認証情報はこのタブのメモリにだけ置かれます。",
    region: "リージョン",
    accessKeyId: "アクセスキー ID",
    secretAccessKey: "シークレットアクセスキー",
    sessionToken: "セッショントークン",
    approvalSent: "判断を送りました: {decision}。",
    errorField: "API が申込みを受け付けませんでした: {message}",
    errorNotFound: "見つかりません: {message}",
    errorConflict: "判断する対象がありません: {message}",
    errorForbidden: "API が署名か認証情報を拒否しました（HTTP {status}）: {message}",
    errorServer: "API でエラーが起きました（HTTP {status}）: {message}",
    errorCredentials: "リクエストに署名するには、アクセスキー ID、シークレットアクセスキー、リージョンを入力してください。",
    offline: "接続が切れました: {api} の API が応答しません。再試行しています…",
    online: "接続が戻りました。",
    statusLine: "状態: {status}",
    missingField: "この項目は必須です。",
  },
};

const STORAGE_KEY = "loan-page-language";

export let language = pickLanguage();

function pickLanguage() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === "en" || saved === "ja") {
    return saved;
  }
  return (navigator.language || "en").toLowerCase().startsWith("ja") ? "ja" : "en";
}

export function setLanguage(lang) {
  language = lang;
  localStorage.setItem(STORAGE_KEY, lang);
}

/** The text for key in the current language, with {name} placeholders filled from values. */
export function t(key, values = {}) {
  const text = TEXT[language][key] ?? TEXT.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

/** Fills every element with data-i18n="key" (its text) and data-i18n-label="key" (its aria-label). */
export function translatePage(root = document) {
  document.documentElement.lang = language;
  root.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll("[data-i18n-label]").forEach((el) => { el.setAttribute("aria-label", t(el.dataset.i18nLabel)); });
}

/** An amount as the reader's language writes money. */
export function money(amount) {
  const n = Number(amount);
  return Number.isFinite(n)
    ? new Intl.NumberFormat(language === "ja" ? "ja-JP" : "en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(n)
    : String(amount);
}
