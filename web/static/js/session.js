// sessionStorage, not localStorage: the key dies with the tab, which shortens the time a stolen or
// forgotten key sits in the browser profile.
const KEY = 'markhound.apiKey';

export const currentKey = () => sessionStorage.getItem(KEY);
export const signIn = (key) => sessionStorage.setItem(KEY, key);
export const signOut = () => sessionStorage.removeItem(KEY);
