import { useContext } from 'react';
import { TrainerContext, type TrainerContextValue } from './trainer-context';

/** The training worker's state and controls; must be used under TrainerProvider. */
export function useTrainer(): TrainerContextValue {
  const value = useContext(TrainerContext);
  if (!value) throw new Error('useTrainer must be used inside <TrainerProvider>');
  return value;
}
