import { createContext, useContext } from 'react';

/** True inside a read-only snapshot: views leave out whatever makes or changes files or data. */
export const ReadOnlyContext = createContext(false);

export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext);
}
