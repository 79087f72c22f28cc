// What the server cannot know about the browser: the stored light/dark choice and the time zone.
const key = 'hs-theme';

export function loadTheme() {
  const value = localStorage.getItem(key);
  return value === null ? null : value === 'dark';
}

export function saveTheme(dark) {
  localStorage.setItem(key, dark ? 'dark' : 'light');
}

// Minutes east of UTC now, and the zone's name (Europe/Berlin), for "local time, UTC on hover".
export function timeZone() {
  return { offsetMinutes: -new Date().getTimezoneOffset(), name: Intl.DateTimeFormat().resolvedOptions().timeZone ?? '' };
}
