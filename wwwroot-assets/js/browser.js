// What the server cannot know about the browser: the stored light/dark choice and the time zone.
const key = 'hs-theme';

// The cookie mirrors the stored choice so that the server prerenders the next page in it (App.razor);
// it is refreshed on every load, so a choice stored before the cookie existed gets one too.
function mirror(value) {
  document.cookie = `${key}=${value}; path=/; max-age=31536000; samesite=lax`;
}

export function loadTheme() {
  const value = localStorage.getItem(key);
  if (value !== null) mirror(value);
  return value === null ? null : value === 'dark';
}

export function saveTheme(dark) {
  localStorage.setItem(key, dark ? 'dark' : 'light');
  mirror(dark ? 'dark' : 'light');
}

// Minutes east of UTC now, and the zone's name (Europe/Berlin), for "local time, UTC on hover".
export function timeZone() {
  return { offsetMinutes: -new Date().getTimezoneOffset(), name: Intl.DateTimeFormat().resolvedOptions().timeZone ?? '' };
}

// Copies text (a Compare link) to the clipboard; false where the browser refuses (a plain-http page
// on another host is not a secure context): the page then leaves the link selected in its box.
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
