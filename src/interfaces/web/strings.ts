/** The UI's own words, in English and Russian. Taxonomy labels (event types, statuses, roles) come from src/schema. */
const EN = {
  menu: 'Main menu', locked: 'Locked', switchLang: 'Switch language', lock: 'Lock',
  reports: 'Reports', review: 'Review', prisoners: 'Prisoner list', search: 'Search', stats: 'Statistics',
  unlockTitle: 'Unlock the workspace', unlockHelp: 'Nothing is readable until the workspace is unlocked. Leave the user empty to unlock with the workspace passphrase.',
  userOptional: 'User (optional)', passphrase: 'Passphrase or password', unlock: 'Unlock',
  loading: 'Loading…', untitled: 'Untitled report', original: 'Original as archived', dropHere: 'Drop report files here (.txt, .html, .jsonl, .pdf, .docx, .eml, a Telegram export’s result.json), or press Enter to choose files',
  noReports: 'No reports yet.', title: 'Title', published: 'Published', format: 'Format', claims: 'Claims',
  uploading: 'Uploading…', duplicate: 'already archived', ingested: 'stored', networkError: 'Network error',
  attachments: 'Attachments', pictures: 'Pictures', addPicture: 'Add a picture (JPEG, PNG, WebP; its location and camera data are removed from what is shown)', metadataRemoved: 'removed from what is shown', cameInside: 'Came attached to', carries: 'Documents attached to it', note: 'Note',
  importList: 'Import a list', importHelp: 'A list your group keeps (CSV) and its map (JSON: which column is which; see examples/lists/). Preview first: it changes nothing.', listFile: 'List (.csv)', mapFile: 'Map (.json)', preview: 'Preview', doImport: 'Import', wouldAdd: 'Would add', added: 'Added', newPerson: 'new person', joins: 'joins', alreadyImported: 'This file was imported before: nothing changes.', claimsWord: 'claims', personsNew: 'new persons', personsMatched: 'existing persons matched',
  mainText: 'Main text', decided: 'Decided here', queueEmpty: 'Nothing left to review.',
  reviewKeys: 'Keys: A accept · C correct · R reject · J / → next · K / ← previous · Esc closes the correction form',
  person: 'Person', date: 'Date', place: 'Place', detail: 'Detail / article', source: 'Source', decision: 'Decision', seeCaseFile: 'See the case file',
  accept: 'Accept', correct: 'Correct', reject: 'Reject', previous: 'Previous', next: 'Next', accepted: 'accepted', rejected: 'rejected', corrected: 'corrected',
  articleHint: 'e.g. Article 342', type: 'Type', articleDetail: 'Article / detail', saveCorrection: 'Save correction', cancel: 'Cancel',
  alsoWritten: 'Also written', status: 'Status', since: 'since', currentPlace: 'Current place of detention', notStated: 'not stated in any report', roles: 'Roles',
  placesHistory: 'Places of detention', none: 'None.', chargesSentence: 'Charges and sentence', article: 'Article', noCharges: 'No article named.',
  disagreements: 'Sources disagree', timeline: 'Timeline', dateUnknown: 'date unknown', accordingTo: 'according to', madeBy: 'by', byExtractor: 'proposed by the extractor', by: 'by',
  related: 'Related persons', reportsNaming: 'Reports naming this person',
  any: 'any', facility: 'Facility', arrestedFrom: 'Arrested from', arrestedTo: 'Arrested to', filter: 'Filter', clear: 'Clear', shown: 'Shown',
  byStatus: 'By status', byArticle: 'By article', byFacility: 'By facility', name: 'Name', articles: 'Articles', arrested: 'Arrested',
  searchHint: 'Name, place, article… in Latin or Cyrillic', results: 'results', report: 'Report',
  reportedOn: 'as reported on', noIngest: 'Your role may read reports but not upload them.', noReview: 'Your role may read the queue but not decide on claims.', coDefendant: 'detained in the same case (co-defendant)', showInText: 'Show the sentence in the text', loadMore: 'Load the next claims', more: 'Show more', persons: 'Persons', detainedNow: 'Detained now', detainedOverTime: 'People detained over time', eventsPerMonth: 'Events per month',
  events: 'Events', sourcesWord: 'source(s)', independent: 'independent', copyOf: 'a copy of', allClaims: 'Every claim, as stated in each report',
  errBadDateFormat: 'That is not a date: write 2011-02-28, 28.02.2011 or 28/02/2011, or only the year or year and month:', errBadDateMonth: 'There is no such month:', errBadDateDay: 'There is no such day in that month:',
  errStale: 'Someone changed this claim after you loaded it; nothing was saved. It is shown as it is now:', errNotUndoable: 'Only your own last decision on a claim can be undone.',
  errLocked: 'The workspace is locked: unlock it with its passphrase.', errSession: 'Your session has ended: sign in again.', errRole: 'Your role may not do this.', errCsrf: 'The page is out of date: reload it.',
  errNotFound: 'Not found: it may have been deleted.', errInvalid: 'Some of what was entered is not valid.', errPassphrase: 'Wrong passphrase or password.', undo: 'Undo',
  printCaseFile: 'Print or save as PDF (accepted facts only)', printWithProposed: 'with facts not yet reviewed',
  enteredBy: 'entered by', notRecognised: 'not recorded (a person decides it, never Vigil)', dispute: 'Dispute', reopen: 'Reopen', addFact: 'Add the fact', addFactFor: 'Add a fact by hand, with its source, for',
  sourceKind: 'Source', sourceText: 'What the source says (who, when, how)', confidentiality: 'Confidentiality',
};
export type Key = keyof typeof EN;

const RU: Record<Key, string> = {
  menu: 'Главное меню', locked: 'Заблокировано', switchLang: 'Сменить язык', lock: 'Заблокировать',
  reports: 'Сообщения', review: 'Проверка', prisoners: 'Список заключённых', search: 'Поиск', stats: 'Статистика',
  unlockTitle: 'Открыть рабочее пространство', unlockHelp: 'Пока пространство заблокировано, ничего прочитать нельзя. Оставьте пользователя пустым, чтобы открыть паролем пространства.',
  userOptional: 'Пользователь (необязательно)', passphrase: 'Парольная фраза или пароль', unlock: 'Открыть',
  loading: 'Загрузка…', untitled: 'Без названия', original: 'Оригинал из архива', dropHere: 'Перетащите сюда файлы сообщений (.txt, .html, .jsonl, .pdf, .docx, .eml, result.json экспорта Telegram) или нажмите Enter, чтобы выбрать',
  noReports: 'Сообщений пока нет.', title: 'Заголовок', published: 'Опубликовано', format: 'Формат', claims: 'Утверждения',
  uploading: 'Загрузка…', duplicate: 'уже в архиве', ingested: 'сохранено', networkError: 'Ошибка сети',
  attachments: 'Вложения', pictures: 'Изображения', addPicture: 'Добавить изображение (JPEG, PNG, WebP; геоданные и данные камеры не показываются)', metadataRemoved: 'удалено из показываемой копии', cameInside: 'Пришло вложением в', carries: 'Вложенные документы', note: 'Примечание',
  importList: 'Импорт списка', importHelp: 'Список вашей группы (CSV) и его схема (JSON: какой столбец что значит; см. examples/lists/). Сначала просмотр: он ничего не меняет.', listFile: 'Список (.csv)', mapFile: 'Схема (.json)', preview: 'Просмотр', doImport: 'Импортировать', wouldAdd: 'Будет добавлено', added: 'Добавлено', newPerson: 'новый человек', joins: 'присоединяется к', alreadyImported: 'Этот файл уже импортирован: ничего не меняется.', claimsWord: 'утверждений', personsNew: 'новых людей', personsMatched: 'совпадений с известными',
  mainText: 'Основной текст', decided: 'Решено здесь', queueEmpty: 'Проверять больше нечего.',
  reviewKeys: 'Клавиши: A принять · C исправить · R отклонить · J / → следующее · K / ← предыдущее · Esc закрывает форму',
  person: 'Персона', date: 'Дата', place: 'Место', detail: 'Подробности / статья', source: 'Источник', decision: 'Решение', seeCaseFile: 'Открыть дело',
  accept: 'Принять', correct: 'Исправить', reject: 'Отклонить', previous: 'Предыдущее', next: 'Следующее', accepted: 'принято', rejected: 'отклонено', corrected: 'исправлено',
  articleHint: 'напр. статья 342', type: 'Тип', articleDetail: 'Статья / подробности', saveCorrection: 'Сохранить исправление', cancel: 'Отмена',
  alsoWritten: 'Также пишется', status: 'Статус', since: 'с', currentPlace: 'Текущее место содержания', notStated: 'ни в одном сообщении не указано', roles: 'Роли',
  placesHistory: 'Места содержания', none: 'Нет.', chargesSentence: 'Обвинение и приговор', article: 'Статья', noCharges: 'Статья не названа.',
  disagreements: 'Источники расходятся', timeline: 'Хронология', dateUnknown: 'дата неизвестна', accordingTo: 'по словам', madeBy: 'автор', byExtractor: 'предложено автоматически', by: '—',
  related: 'Связанные лица', reportsNaming: 'Сообщения, где названа персона',
  any: 'любой', facility: 'Учреждение', arrestedFrom: 'Задержан с', arrestedTo: 'Задержан по', filter: 'Отобрать', clear: 'Сбросить', shown: 'Показано',
  byStatus: 'По статусу', byArticle: 'По статьям', byFacility: 'По учреждениям', name: 'Имя', articles: 'Статьи', arrested: 'Задержан',
  searchHint: 'Имя, место, статья… латиницей или кириллицей', results: 'результатов', report: 'Сообщение',
  reportedOn: 'по сообщению от', noIngest: 'Ваша роль позволяет читать сообщения, но не загружать их.', noReview: 'Ваша роль позволяет читать очередь, но не принимать решения.', coDefendant: 'задержан по тому же делу (соучастник)', showInText: 'Показать предложение в тексте', loadMore: 'Загрузить следующие', more: 'Показать ещё', persons: 'Персоны', detainedNow: 'Под стражей сейчас', detainedOverTime: 'Число задержанных по месяцам', eventsPerMonth: 'События по месяцам',
  events: 'События', sourcesWord: 'источн.', independent: 'независимых', copyOf: 'копия', allClaims: 'Все утверждения, как в каждом сообщении',
  errBadDateFormat: 'Это не дата: напишите 2011-02-28, 28.02.2011 или 28/02/2011, либо только год или год и месяц:', errBadDateMonth: 'Такого месяца нет:', errBadDateDay: 'В этом месяце нет такого дня:',
  errStale: 'Кто-то изменил это утверждение после того, как вы его открыли; ничего не сохранено. Теперь оно такое:', errNotUndoable: 'Отменить можно только своё последнее решение по утверждению.',
  errLocked: 'Пространство заблокировано: откройте его парольной фразой.', errSession: 'Сеанс завершён: войдите снова.', errRole: 'Вашей роли это не разрешено.', errCsrf: 'Страница устарела: перезагрузите её.',
  errNotFound: 'Не найдено: возможно, удалено.', errInvalid: 'Часть введённого неверна.', errPassphrase: 'Неверная парольная фраза или пароль.', undo: 'Отменить',
  printCaseFile: 'Печать или PDF (только принятые факты)', printWithProposed: 'с непроверенными фактами',
  enteredBy: 'внёс(ла)', notRecognised: 'не отмечено (решает человек, не Vigil)', dispute: 'Оспорить', reopen: 'Вернуть на проверку', addFact: 'Добавить факт', addFactFor: 'Добавить факт вручную, с источником, для',
  sourceKind: 'Источник', sourceText: 'Что говорит источник (кто, когда, как)', confidentiality: 'Конфиденциальность',
};

export type Lang = 'en' | 'ru';
let current: Lang = (() => {
  try { return localStorage.getItem('vigil-lang') === 'ru' ? 'ru' : 'en'; } catch { return 'en'; }
})();

export const lang = (): Lang => current;
export function setLang(l: Lang): void {
  current = l;
  try { localStorage.setItem('vigil-lang', l); } catch { /* private mode */ }
}
export function t(key: Key): string {
  return (current === 'ru' ? RU : EN)[key] ?? key;
}
