/* mamori-demo.c — 株式会社サンプル製作所, a 30-person manufacturer (fictional) */
#include "config.h"

#include "mamori-demo.h"

MamoriProfile *
mamori_demo_profile (void)
{
  MamoriProfile *p = mamori_profile_new ();

  g_free (p->name);
  p->name = g_strdup ("株式会社サンプル製作所");
  g_free (p->industry);
  p->industry = g_strdup ("製造業（金属部品加工）");
  p->employees = 30;
  g_free (p->security_officer);
  p->security_officer = g_strdup ("総務部長 山田 花子");
  g_free (p->contact);
  p->contact = g_strdup ("security@sample-seisakusho.example / 内線 201");
  return p;
}

const char * const *
mamori_demo_done_tasks (void)
{
  /* The sample company has adopted and shared the five basic measures (Step 1). */
  static const char * const keys[] = { "s1.five-articles", "s1.share", NULL };
  return keys;
}

/* Self-diagnosis choices: 0 done, 1 partly, 2 not done, 3 don't know. */
static const int sd_2025[25] = {
  0, 1, 1, 2, 2,                          /* basic: 4+2+2+0+0 = 8 */
  1, 0, 2, 1, 3, 1, 2, 2, 0, 0, 0, 1, 2,  /* employees: 2+4+0+2-1+2+0+0+4+4+4+2+0 = 23 */
  1, 2, 3, 1, 2, 2, 2,                    /* organisation: 2+0-1+2+0+0+0 = 3 */
};
static const int sd_2026[25] = {
  0, 0, 0, 1, 1,                          /* 4+4+4+2+2 = 16 */
  0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 1,  /* 4+4+2+4+2+4+2+2+4+4+4+4+2 = 42 */
  0, 1, 2, 0, 1, 2, 1,                    /* 4+2+0+4+2+0+2 = 14 */
};
/* Cloud check-sheet scale: 0 complete, 1 in progress, 2 not done, 3 not applicable. */
static const int cloud_2026[15] = {
  0, 0, 1, 0, 1, 2,
  0, 0, 1, 0,
  2, 0, 2, 1, 3,
};

/* Internal audit of the mandatory items, one check per procedure of the audit guideline
 * (45): 0 done, 1 not done, 2 not applicable (items 2, 4, 9, 10 and 11 only). Five gaps,
 * and item 11 does not apply: the company keeps nothing outside its premises. */
static const int audit_2026[45] = {
  0, 0, 0,                 /* 1-1 … 1-3 */
  0, 0, 1,                 /* 2-1 … 2-3 */
  0, 0, 0, 0, 0,           /* 3-1 … 3-5 */
  0, 0, 0, 0,              /* 4-1, 4-2-1, 4-2-2, 4-3 */
  0, 1, 0, 0,              /* 5-1, 5-2-1, 5-2-2, 5-4 */
  0, 0, 1,                 /* 6-1 … 6-3 */
  0, 0, 0,                 /* 7-1 … 7-3 */
  0, 0, 0, 1, 0, 0, 0,     /* 8-1 … 8-7 */
  0, 0, 0, 0,              /* 9-1 … 9-4 */
  0, 0, 0, 0, 0, 0, 0,     /* 10-1 … 10-7 */
  2,                       /* 11-1 */
  1,                       /* 12-1 */
};
static const char * const audit_2026_remarks[45] = {
  "重要情報目録（2026-04 版）を閲覧し、図面・顧客名簿・預かり図面が載っていることを確認した",
  "製造部の図面3件と共有フォルダを抜き取りで観察し、社外秘の表示とフォルダの権限を確認した",
  "目録に総務部長の確認印（2026-04-10）があることを確認した",
  "取引先2社との覚書を閲覧し、預かり図面の扱いを先方と協議して決める定めを確認した",
  "預かり図面の受領記録と、四半期ごとの先方への報告書を閲覧した",
  "受領記録と報告を責任者が確認した記録がない",
  "情報管理規程 第3条を閲覧し、代表者が総務部長を責任者に任命し、5つの役目を定めていることを確認した",
  "教育記録・対策の点検表・事故報告台帳を閲覧し、5つの役目が果たされていることを確認した",
  "経営会議の議事録（毎月）で、代表者が責任者の報告と記録を確認していることを確認した",
  "記録の様式一覧（様式1〜5）と記入者の定めを閲覧した",
  "記録の保管場所（総務部の書庫、共有フォルダ）と保管期間（5年）の定めを閲覧した",
  "情報管理規程 第4条を閲覧し、責任者を掲示で知らせる定めを確認した",
  "本社・工場の掲示板3か所を観察し、責任者の氏名と内線番号の掲示を確認した",
  "製造部・営業部の従業員4名に質問し、全員が責任者を答えられた",
  "掲示の点検記録（半期ごと、総務部長の確認印あり）を閲覧した",
  "情報管理規程（第2版）と取扱いマニュアルを閲覧し、作成から廃棄までの手順を確認した",
  "廃棄手順が守られていない（工場の廃棄箱に図面が裁断されずに入っていた）",
  "従業員3名に質問し、図面の持ち出しと保管の手順を説明できることを確認した",
  "総務部長に質問し、月1回の巡回で管理簿と現場を確かめていることを確認した",
  "2026年度の教育計画（対象・内容・方法・時期）を閲覧した",
  "2026年度の受講記録を閲覧し、従業員30名全員の受講を確認した",
  "受講状況を責任者が確認した記録がない",
  "情報管理規程 第9条を閲覧し、報告先（総務部長、不在時は代表者）の定めを確認した",
  "休憩室の掲示を閲覧し、従業員2名に質問して報告先を答えられることを確認した",
  "周知状況の確認記録（2026-05 の朝礼）を閲覧した",
  "アクセス権者一覧と付与の申請書を閲覧し、業務に必要な範囲で決めていることを確認した",
  "アクセス権の見直し記録（2026-03、四半期ごと）を閲覧した",
  "誓約書の様式を閲覧し、アクセス権者の責任が書かれていることを確認した",
  "退職者のアカウント1件が残っていた",
  "アクセス権者12名分の誓約書を閲覧した",
  "アクセス権者向け教育の受講記録を閲覧した",
  "就業規則 第45条（懲戒）と情報管理規程 第12条を閲覧した",
  "図面の書庫と金庫を観察し、施錠されていることを確認した",
  "鍵の貸出簿を閲覧し、貸出先がアクセス権者に限られていることを確認した",
  "書庫の前のカメラの設置と録画を観察した",
  "書庫からの持ち出し手順と持ち出し簿を閲覧した",
  "試作・加工エリアを立入制限区域とした指定書を閲覧し、区域の表示と施錠を観察した",
  "ICカードの入退室記録（2026-05）を閲覧した",
  "区域の出入口と外周のカメラ・人感センサーを観察した",
  "警備会社との契約書を閲覧し、センサーの発報時に駆け付けることを確認した",
  "操業中は職長が区域に常駐し、夜間は機械警備であることを観察と警備記録で確認した",
  "私物の情報機器の持込み禁止の掲示と、入口の保管ロッカーを観察した",
  "試作品の発送記録と、届け先の受領書の照合を閲覧した",
  "該当なし：重要情報を社外の倉庫や業者に保管していない（紙・試作品・機器はすべて本社・工場内。総務部長に質問して確認）",
  "営業のノートPC 2台の持ち出しが持ち出し簿に記録されていなかった（IDとパスワードの設定、会計クラウドの秘密保持契約は確認した）",
};
static const MamoriDemoAction audit_2026_actions[] = {
  { "8-4", "退職時のアカウント削除を手順に加え、退職者の残存アカウントを削除する", "総務部長 山田 花子", "2026-07-31",
    "2026-07-20", "残存アカウントの削除と、改訂した退職手続きの記録を確認した" },
  { "5-2-1", "廃棄箱をシュレッダー付きに替え、廃棄手順を朝礼で周知する", "製造部長 田中 健", "2026-09-30", NULL, NULL },
  { "2-3", "預かり図面の受領記録と報告を責任者が月次で確認し、確認日を記録する", "総務部長 山田 花子", "2026-08-31",
    "2026-08-05", "2026-07 分の確認記録（2026-08-05 確認）を閲覧した" },
  { "6-3", "教育の受講状況を責任者が四半期ごとに確認し、記録する", "総務部長 山田 花子", "2026-10-31", NULL, NULL },
  { "12-1", "ノートPCの持ち出し簿への記入を持ち出しの条件にし、責任者が月次で照合する", "総務部長 山田 花子", "2026-12-31",
    NULL, NULL },
};

const MamoriDemoAudit *
mamori_demo_internal_audit (void)
{
  static const MamoriDemoAudit audit = {
    "2026-06-12", "総務部長 山田 花子",
    "本社・工場の重要情報（図面、顧客情報、取引先からの預かり情報）の管理。技術情報管理認証の必須12項目（監査ガイドラインの45の手続）。",
    "経理課長 佐藤 美咲（情報セキュリティ監査人補）", "総務部・製造部",
    "監査人は監査対象の総務部・製造部に所属せず、対象の仕組みの設計・運用にも関わっていない。代表者から直接任命され、結果を代表者に報告する。",
    "2026-06-08", "2026-06-12",
    "必須項目の仕組みはおおむね定められ、運用されている。ただし5件の不備があり、それぞれに是正処置を定めた。項目11（社外での保管）は、社外に重要情報を置いていないため対象外とした。是正の完了を確認するまでは改善が必要な状態である。",
    audit_2026, audit_2026_remarks, G_N_ELEMENTS (audit_2026),
    audit_2026_actions, G_N_ELEMENTS (audit_2026_actions),
    "1-1", "重要情報目録_2026-04.csv",
    "区分,情報,表示,管理部署\n社外秘,製品図面,関係者外秘,製造部\n社外秘,顧客名簿,社外秘,営業部\n社外秘,預かり図面,関係者外秘,製造部\n",
  };
  return &audit;
}

const MamoriDemoReview *
mamori_demo_last_review (void)
{
  static const MamoriDemoReview review = { "2025-06-10", { 0, 16, 26 }, { 0, 16, 26 }, 34, 100, 1, 3, 2 };
  return &review;
}

const MamoriDemoAssessment *
mamori_demo_assessments (guint *n)
{
  static const MamoriDemoAssessment list[] = {
    { "ipa-self-diagnosis", "", "2025-04-15", "総務部長 山田 花子", sd_2025, G_N_ELEMENTS (sd_2025) },
    { "ipa-self-diagnosis", "", "2026-04-14", "総務部長 山田 花子", sd_2026, G_N_ELEMENTS (sd_2026) },
    { "ipa-cloud", "クラウド会計サービス", "2026-05-20", "経理課 鈴木 一郎", cloud_2026, G_N_ELEMENTS (cloud_2026) },
  };
  *n = G_N_ELEMENTS (list);
  return list;
}

/* Assets with personal information have integrity 2: the law requires that they be kept
 * correct (IPA guideline 表10). */
const char *
mamori_demo_assets_csv (void)
{
  return
    "業務分類,情報資産名称,備考,利用者範囲,管理部署,媒体・保存先,個人情報,要配慮個人情報,特定個人情報,機密性,完全性,可用性,保存期限,登録日,脅威,脆弱性,対応,機密性格付,完全性格付,可用性格付,取扱制限\n"
    "人事,従業員名簿,氏名・住所・連絡先,総務部,総務部,社内サーバー,有,,,2,2,1,退職後3年,2025/04/01,,2,低減,2,1,1,配布先限定：総務部\n"
    "人事,従業員名簿（紙）,入社時の届出書類,総務部,総務部,書類,有,,,2,2,1,退職後3年,2025/04/01,,2,低減,,,,\n"
    "人事,健康診断結果,産業医から受領,総務部長,総務部,書類,有,有,,2,2,1,5年,2025/04/01,,2,低減,3,1,1,複製禁止;配布先限定：総務部長\n"
    "人事,マイナンバー台帳,源泉徴収・社会保険手続き,総務部長,総務部,社内サーバー,有,,有,2,2,1,退職後7年,2025/04/01,,1,低減,3,2,1,複製禁止;印刷禁止;配布先限定：総務部長\n"
    "人事,給与明細データ,給与計算ソフトの出力,総務部,総務部,クラウドサービス,有,,,2,2,1,7年,2025/04/01,,2,低減,,,,\n"
    "人事,就業規則,,全従業員,総務部,書類,,,,0,1,0,永年,2025/04/01,,1,,,,,\n"
    "人事,採用応募書類,不採用者分は返却・廃棄,総務部,総務部,書類,有,,,2,2,0,6か月,2025/05/10,,2,低減,,,,\n"
    "経理,会計データ,会計クラウドで管理,経理課,経理部,クラウドサービス,,,,1,2,2,10年,2025/04/01,,2,低減,2,2,2,保存期間：10年;復旧許容時間：3日\n"
    "経理,請求書控え,,経理課,経理部,書類,,,,1,1,0,7年,2025/04/01,,2,,,,,\n"
    "経理,請求書控え（電子）,電子帳簿保存,経理課,経理部,社内サーバー,,,,1,2,1,7年,2025/04/01,,2,,,,,\n"
    "経理,銀行口座情報,インターネットバンキング,経理課長,経理部,事務所PC,,,,2,2,1,随時,2025/04/01,,2,低減,3,2,2,暗号化必須;復旧許容時間：1日\n"
    "経理,取引先口座一覧,,経理課,経理部,事務所PC,,,,2,2,1,取引終了後5年,2025/04/01,,3,低減,,,,\n"
    "営業,顧客名簿,担当者の連絡先を含む,営業部,営業部,社内サーバー,有,,,2,2,1,取引終了後5年,2025/04/01,,2,低減,2,1,1,送信要許可\n"
    "営業,顧客名簿（外出用）,営業担当のノートPC,営業部,営業部,モバイル機器,有,,,2,2,1,取引終了後5年,2025/04/01,2,3,低減,,,,\n"
    "営業,見積書,,営業部,営業部,事務所PC,,,,1,1,0,5年,2025/04/01,,2,,,,,\n"
    "営業,見積書（紙）,顧客提出分の控え,営業部,営業部,書類,,,,1,1,0,5年,2025/04/01,,2,,,,,\n"
    "営業,受注・契約書,,営業部,営業部,書類,,,,2,2,1,契約終了後10年,2025/04/01,,2,低減,,,,\n"
    "営業,製品カタログ,公開資料,全従業員,営業部,社内サーバー,,,,0,1,1,改版まで,2025/04/01,,1,,1,1,1,\n"
    "営業,名刺データ,名刺管理アプリ,営業部,営業部,クラウドサービス,有,,,2,2,1,取引終了後5年,2025/06/01,,2,低減,,,,\n"
    "営業,商談メモ,,営業部,営業部,モバイル機器,,,,1,1,0,1年,2025/04/01,,3,低減,,,,\n"
    "営業,ウェブサイト掲載情報,会社案内・製品紹介,全従業員,営業部,クラウドサービス,,,,0,1,1,随時,2025/04/01,,2,,1,1,1,\n"
    "製造,製品図面,顧客から預かった図面を含む,製造部,製造部,社内サーバー,,,,2,2,2,製品終了後10年,2025/04/01,,2,低減,3,2,2,複製要許可;配布先限定：製造部;保存場所：社内サーバー\n"
    "製造,製品図面（紙）,現場用の出力,製造部,製造部,書類,,,,2,1,1,製品終了後10年,2025/04/01,,3,低減,,,,\n"
    "製造,加工プログラム,NC加工機用,製造部,製造部,可搬電子媒体,,,,2,2,2,製品終了後10年,2025/04/01,,2,低減,,,,\n"
    "製造,加工ノウハウ資料,社外秘,製造部,製造部,社内サーバー,,,,2,1,1,永年,2025/04/01,,2,低減,2,1,1,複製禁止\n"
    "製造,生産計画表,,製造部,製造部,事務所PC,,,,1,1,2,1年,2025/04/01,,2,,,,,\n"
    "製造,作業日報,,製造部,製造部,書類,,,,0,1,0,3年,2025/04/01,,1,,,,,\n"
    "製造,試作品の写真,顧客の新製品,製造部,製造部,モバイル機器,,,,2,1,0,製品発売まで,2025/07/01,3,2,低減,,,,\n"
    "品質,検査記録,顧客への提出あり,品質保証課,品質保証部,社内サーバー,,,,1,2,1,10年,2025/04/01,,2,,,,,\n"
    "品質,検査記録（紙）,,品質保証課,品質保証部,書類,,,,1,2,1,10年,2025/04/01,,2,,,,,\n"
    "品質,クレーム記録,顧客担当者名を含む,品質保証課,品質保証部,社内サーバー,有,,,2,2,1,5年,2025/04/01,,2,低減,,,,\n"
    "品質,ISO 9001 文書,,全従業員,品質保証部,社内サーバー,,,,0,1,1,改版まで,2025/04/01,,1,,,,,\n"
    "購買,仕入先一覧,,購買課,製造部,事務所PC,,,,1,1,1,取引終了後5年,2025/04/01,,2,,,,,\n"
    "購買,発注書控え,,購買課,製造部,書類,,,,1,1,0,7年,2025/04/01,,2,,,,,\n"
    "購買,仕入価格表,,購買課,製造部,事務所PC,,,,2,1,0,改定まで,2025/04/01,,2,低減,,,,\n"
    "総務,社内ネットワーク設定,ルーター・無線LAN,情報システム担当,総務部,ネットワーク機器,,,,2,2,2,随時,2025/04/01,,2,低減,,,,\n"
    "総務,バックアップデータ,社内サーバーの週次バックアップ,情報システム担当,総務部,可搬電子媒体,有,,,2,2,2,4週間,2025/04/01,,2,低減,,,,\n"
    "総務,来訪者受付簿,,総務部,総務部,書類,有,,,1,2,0,1年,2025/04/01,,2,,,,,\n"
    "総務,防犯カメラ映像,,総務部長,総務部,社内サーバー,有,,,2,2,1,30日,2025/04/01,,1,,,,,\n"
    "総務,メール,全従業員のメールボックス,全従業員,総務部,クラウドサービス,有,,,2,2,2,3年,2025/04/01,,2,低減,,,,\n"
    "経営,取締役会議事録,,役員,総務部,書類,,,,2,2,0,10年,2025/04/01,,1,,,,,\n"
    "経営,事業計画書,,役員,総務部,事務所PC,,,,2,1,0,5年,2025/04/01,,2,保有,,,,\n";
}

static const MamoriDemoRecord demo_records[] = {
  /* People (the yearly training and pledges are counted against them). */
  { "people", { "name", "佐藤 誠", "unit", "経営", "joined_on", "2005-04-01", NULL } },
  { "people", { "name", "山田 花子", "unit", "総務部", "joined_on", "2012-04-01", "access_holder", "1", NULL } },
  { "people", { "name", "田中 健", "unit", "製造部", "joined_on", "2010-04-01", "access_holder", "1", NULL } },
  { "people", { "name", "鈴木 一郎", "unit", "営業部", "joined_on", "2019-04-01", NULL } },
  { "people", { "name", "佐藤 美咲", "unit", "経理部", "joined_on", "2016-10-01", NULL } },
  { "people", { "name", "高橋 優花", "unit", "営業部", "joined_on", "2026-07-01", NULL } },
  { "people", { "name", "伊藤 翔", "unit", "製造部", "joined_on", "2026-10-01", NULL } },

  /* The year's training plan (fiscal year from April) and what was held. */
  { "training_plans", { "fiscal_year", "2026", "topic", "targeted_mail", "audience", "all", "planned_on", "2026-06-15", NULL } },
  { "training_plans", { "fiscal_year", "2026", "topic", "access_holders", "audience", "access_holders",
                        "planned_on", "2026-06-22", NULL } },
  { "training_plans", { "fiscal_year", "2026", "topic", "reporting", "audience", "all", "planned_on", "2027-01-20",
                        "note", "インシデント報告の訓練を兼ねる", NULL } },
  { "trainings", { "held_on", "2026-06-15", "title", "全社 情報セキュリティ研修", "audience", "all",
                   "topics", "管理対象の情報とそうでない情報、不審メールとウイルス対策、事故の報告", "trainer", "総務部長 山田 花子", NULL } },
  { "attendance", { "person", "佐藤 誠", NULL } },
  { "attendance", { "person", "山田 花子", NULL } },
  { "attendance", { "person", "田中 健", NULL } },
  { "attendance", { "person", "鈴木 一郎", NULL } },
  { "attendance", { "person", "佐藤 美咲", NULL } },
  { "trainings", { "held_on", "2026-06-22", "title", "図面・預かり情報の取扱者研修", "audience", "access_holders",
                   "topics", "必要な人にだけ知らせる原則、取扱いの手順、注意すべき兆候の事例", "trainer", "総務部長 山田 花子", NULL } },
  { "attendance", { "person", "山田 花子", NULL } },
  { "attendance", { "person", "田中 健", NULL } },
  { "pledges", { "person", "佐藤 誠", "kind", "joining", "signed_on", "2005-04-01", NULL } },
  { "pledges", { "person", "山田 花子", "kind", "joining", "signed_on", "2012-04-01", NULL } },
  { "pledges", { "person", "田中 健", "kind", "joining", "signed_on", "2010-04-01", NULL } },
  { "pledges", { "person", "鈴木 一郎", "kind", "joining", "signed_on", "2019-04-01", NULL } },
  { "pledges", { "person", "佐藤 美咲", "kind", "joining", "signed_on", "2016-10-01", NULL } },
  { "pledges", { "person", "伊藤 翔", "kind", "joining", "signed_on", "2026-10-01", NULL } },

  /* A laptop lost on a train: handled and closed, with its three reports. */
  { "incidents", { "occurred_at", "2026-09-11 19:40", "title", "営業担当者がノートPCを電車内で紛失",
                   "category", "loss_theft", "severity", "high", "state", "closed",
                   "reported_by", "鈴木 一郎", "reported_at", "2026-09-12 08:50",
                   "description", "帰宅途中の電車の網棚にノートPCを置き忘れた。顧客名簿（外出用）の一部が保存されていた。",
                   "cause", "持ち出し簿に記入せず持ち出し、暗号化の設定が済んでいない端末だった。",
                   "closed_on", "2026-10-20", NULL } },
  { "incident_updates", { "reported_at", "2026-09-12 10:00", "kind", "first",
                          "confirmed", "ノートPC 1台の紛失。鉄道会社に遺失届を出した。",
                          "unconfirmed", "保存されていた顧客情報の範囲、第三者による閲覧の有無", NULL } },
  { "incident_updates", { "reported_at", "2026-09-14 17:00", "kind", "second",
                          "confirmed", "顧客12社の担当者連絡先が保存されていた。端末のアカウントは停止済み。",
                          "unconfirmed", "端末の所在", NULL } },
  { "incident_updates", { "reported_at", "2026-10-20 15:00", "kind", "final",
                          "confirmed", "端末は発見されず。不正利用の兆候なし。再発防止策を決め、対応を終えた。", NULL } },
  { "incident_notices", { "party", "management", "due_at", "2026-09-12 12:00", "notified_at", "2026-09-12 10:05", NULL } },
  { "incident_notices", { "party", "customers", "due_at", "2026-09-19 17:00", "notified_at", "2026-09-17 16:00",
                          "note", "対象の12社に電話と書面で連絡", NULL } },
  { "incident_notices", { "party", "regulator", "due_at", "2026-10-11 17:00", "notified_at", "2026-10-09 11:00",
                          "note", "個人データの漏えいのおそれとして報告", NULL } },
  { "incident_assets", { "asset", "顧客名簿（外出用）", NULL } },
  { "incident_measures", { "what", "全ノートPCのディスク暗号化と紛失時の遠隔消去を設定する", "owner", "総務部長 山田 花子",
                           "due_on", "2026-10-31", "done_on", "2026-10-28", NULL } },
  { "incident_measures", { "what", "持ち出し簿への記入と暗号化の確認を持ち出しの条件にする", "owner", "営業部長 鈴木 一郎",
                           "due_on", "2026-12-15", NULL } },

  /* A suspicious attachment opened last week: still being handled. */
  { "incidents", { "occurred_at", "2026-11-24 09:15", "title", "取引先を装ったメールの添付ファイルを開いた",
                   "category", "malware", "severity", "medium", "state", "responding",
                   "reported_by", "高橋 優花", "reported_at", "2026-11-24 09:30",
                   "description", "請求書を装ったメールの添付ファイルを開いた。ウイルス対策ソフトが警告を出した。", NULL } },
  { "incident_updates", { "reported_at", "2026-11-24 11:00", "kind", "first",
                          "confirmed", "端末をネットワークから外した。ウイルス対策ソフトが検知・隔離した。",
                          "unconfirmed", "他の端末への広がり、情報の持ち出しの有無", NULL } },
  { "incident_notices", { "party", "management", "due_at", "2026-11-24 12:00", "notified_at", "2026-11-24 11:10", NULL } },
  { "incident_notices", { "party", "customers", "due_at", "2026-11-27 17:00",
                          "note", "なりすまされた取引先への連絡", NULL } },

  /* Exceptions: one active until late December, one that ended without its end report. */
  { "exceptions", { "applicant", "鈴木 一郎", "applicant_unit", "営業部", "applicant_contact", "内線 215",
                    "rule", "情報セキュリティ規程 第12条（私物端末の業務利用）",
                    "reason", "展示会の商談で製品動画を見せるため、私物のタブレットを使いたい",
                    "scope", "展示会会場での製品紹介（顧客情報は扱わない）",
                    "measure", "製品動画だけを保存し、画面ロックを設定する。会期後にデータを消す。",
                    "impact", "顧客情報を扱わないため影響は小さい。紛失時は動画の流出のみ。",
                    "starts_on", "2026-11-01", "ends_on", "2026-12-25", "end_reporting", "データ消去の報告書を提出",
                    "decision", "approved", "approver", "山田 花子", "approver_role", "総務部長（情報セキュリティ責任者）",
                    "decided_on", "2026-10-28", "decision_reason", "必要最小限の範囲で、代替策がある",
                    "conditions", "顧客情報を保存しないこと", NULL } },
  { "exceptions", { "applicant", "田中 健", "applicant_unit", "製造部",
                    "rule", "情報セキュリティ規程 第15条（USBメモリの使用禁止）",
                    "reason", "加工機の保守で、メーカー指定のUSBメモリでプログラムを移す必要がある",
                    "measure", "会社管理の暗号化USBメモリを使い、作業後に消去する",
                    "starts_on", "2026-06-01", "ends_on", "2026-08-31",
                    "decision", "approved", "approver", "山田 花子", "approver_role", "総務部長（情報セキュリティ責任者）",
                    "decided_on", "2026-05-25", NULL } },

  /* Accepted risks: one until the end of the fiscal year, one to re-review now. */
  { "acceptances", { "risk", "旧型の加工機制御PC（更新不可のOS）を使い続ける", "asset", "加工プログラム",
                     "accepted_by", "代表取締役 佐藤 誠", "accepted_on", "2026-04-01",
                     "reason", "加工機の更新は来年度の予定。ネットワークから切り離し、USBメモリは許可制にしている。",
                     "residual", "8", "until", "2027-03-31", NULL } },
  { "acceptances", { "risk", "来客用Wi-Fiと社内ネットワークの分離工事を見送る",
                     "accepted_by", "代表取締役 佐藤 誠", "accepted_on", "2025-12-01",
                     "reason", "工事は事務所の改装に合わせる。それまで来客用Wi-Fiのパスワードを毎月変える。",
                     "residual", "6", "until", "2026-12-15", NULL } },

  /* Suppliers and cloud services. */
  { "suppliers", { "name", "クラウド会計サービス", "kind", "cloud", "handles", "会計データ、取引先口座",
                   "contract_on", "2023-10-01", "nda_on", "2023-10-01", "last_evaluated_on", "2025-10-15",
                   "interval_months", "12", NULL } },
  { "supplier_assets", { "asset", "会計データ", NULL } },
  { "suppliers", { "name", "社内ITの保守委託先", "kind", "contractor", "handles", "社内サーバー、従業員のPC",
                   "contact", "保守窓口 03-0000-0000", "contract_on", "2022-04-01", "nda_on", "2022-04-01",
                   "last_evaluated_on", "2026-05-20", "interval_months", "12", NULL } },
  { "suppliers", { "name", "給与計算の代行会社", "kind", "contractor", "handles", "給与明細データ、マイナンバー",
                   "contract_on", "2024-04-01", "nda_on", "2024-04-01", "last_evaluated_on", "2026-02-10",
                   "interval_months", "12", NULL } },
  { "supplier_assets", { "asset", "給与明細データ", NULL } },
};

const MamoriDemoRecord *
mamori_demo_records (guint *n)
{
  *n = G_N_ELEMENTS (demo_records);
  return demo_records;
}
