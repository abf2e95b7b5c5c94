import { api, failure } from './client';

/**
 * Saves a file the API answers to the signed-in session (with its organisation header), under the name given; a
 * refusal is thrown as the ProblemError it is.
 */
export async function download(url: string, fileName: string) {
  const { data, error, response } = await api.GET(url as never, { parseAs: 'blob' } as never) as { data?: Blob; error?: unknown; response: Response };
  if (!response.ok || !data) {
    throw failure(response, error);
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(data);
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}
