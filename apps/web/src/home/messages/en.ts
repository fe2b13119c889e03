export const en = {
  title: 'What needs me',
};
