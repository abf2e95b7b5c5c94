import { createContext, useContext, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { actFor, api, lastOrganisation, ok, ProblemError, rememberAntiforgeryToken } from '../api/client';
import type { components } from '../api/schema';

export type Me = components['schemas']['Me'];

interface Session {
  me: Me | null;
  loading: boolean;
  login: (loginName: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  switchOrganisation: (organisationId: string) => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Who is signed in (null when nobody is), read from /me; signing in and out and switching organisation go through here. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const me = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      actFor(lastOrganisation());
      try {
        const found = await ok(api.GET('/api/v1/access/me'));
        rememberAntiforgeryToken(found.antiforgeryToken);
        return found;
      } catch (error) {
        if (error instanceof ProblemError && error.status === 403 && lastOrganisation()) {
          // The remembered organisation is no longer granted: act where the account may by default.
          actFor(undefined);
          const found = await ok(api.GET('/api/v1/access/me'));
          rememberAntiforgeryToken(found.antiforgeryToken);
          return found;
        }
        if (error instanceof ProblemError && error.status === 401) {
          return null;
        }
        throw error;
      }
    },
    retry: false,
    staleTime: Infinity,
  });
  const loginMutation = useMutation({
    mutationFn: async ({ loginName, password }: { loginName: string; password: string }) => {
      actFor(undefined);
      const signedIn = await ok(api.POST('/api/v1/access/login', { body: { loginName, password } }));
      rememberAntiforgeryToken(signedIn.antiforgeryToken);
    },
    onSuccess: () => queries.invalidateQueries(),
  });
  const value: Session = {
    me: me.data ?? null,
    loading: me.isPending,
    login: (loginName, password) => loginMutation.mutateAsync({ loginName, password }),
    logout: async () => {
      await ok(api.POST('/api/v1/access/logout'));
      rememberAntiforgeryToken(undefined);
      actFor(undefined);
      queries.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      queries.setQueryData(['me'], null);
    },
    switchOrganisation: async (organisationId) => {
      actFor(organisationId);
      await queries.invalidateQueries();
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) {
    throw new Error('useSession outside SessionProvider');
  }
  return session;
}
