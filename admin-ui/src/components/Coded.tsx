import { Typography } from 'antd';

/** A code as people read it, with the code itself beside it in small grey for the technically minded; the code alone when it has no words. */
export function Coded({ words, code }: { words: string | undefined; code: string }) {
  if (!words) {
    return <span>{code}</span>;
  }
  return (
    <span>
      {words}
      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>{code}</Typography.Text>
    </span>
  );
}
