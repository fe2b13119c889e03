import { Modal } from '@mantine/core';
import type { ReactNode } from 'react';

interface DialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  closeLabel: string;
  /** Wider for forms with many fields, e.g. a meeting's sessions. */
  size?: 'md' | 'lg' | 'xl';
  children: ReactNode;
}

/**
 * A modal dialog (focus trapped, returned on close, Escape closes). Mantine's plain Modal draws
 * its header as <header>, which assistive technology announces as a second banner landmark next
 * to the page's own; this one draws it as a <div>.
 */
export function Dialog({ opened, onClose, title, closeLabel, size = 'md', children }: DialogProps) {
  return (
    <Modal.Root opened={opened} onClose={onClose} centered size={size}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label={closeLabel} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
