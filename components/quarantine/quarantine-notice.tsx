import './quarantine.css';

export interface QuarantineNoticeProps {
  readonly count: number;
  readonly onShow: () => void;
}

/** A quiet line in the popup: some records Amazon sent could not be read; nothing when there are none. */
export function QuarantineNotice({ count, onShow }: QuarantineNoticeProps) {
  if (count === 0) return null;
  return (
    <p className="quarantine-notice" data-testid="quarantine-notice">
      {count} {count === 1 ? 'record' : 'records'} could not be read. Everything else was saved.{' '}
      <a
        href="/manager.html#quarantine"
        onClick={(event) => {
          event.preventDefault();
          onShow();
        }}
      >
        Show details
      </a>
    </p>
  );
}
