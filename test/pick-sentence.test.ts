import { describe, expect, it } from 'vitest';
import { pickSentence } from '../src/answer/pick-sentence.js';
import { analyze } from '../src/search/analyzer.js';

const terms = (question: string) => new Set(analyze(question));

describe('pickSentence', () => {
  // A benchmark abstract: its topic word ("segmentation") is in most sentences, its rarest words in the first.
  const abstract = [
    'We present Mortar, a brick wall dataset for evaluating segmentation methods.',
    'Segmentation methods often struggle with thin structures.',
    'Mortar holds accurate and noisy labels, and two training set sizes.',
    'We compared eight segmentation losses, and the skeleton loss did best with noisy labels.',
    'Simple augmentation also helps segmentation.',
    'Code and data are public.',
  ].join(' ');

  it('picks the sentence with most of what is asked, not the one with the rarest words', () => {
    // In a large corpus "brick" and "wall" are far rarer than "best", "noisy" or "labels"; yet they only
    // name the paper, and the first sentence has nothing else the question asks about.
    const corpusWeight = (term: string) => (term === 'brick' || term === 'wall' ? 11 : 3);
    const question = 'on the brick wall segmentation benchmark, which loss did best with noisy labels?';
    expect(pickSentence(abstract, question, terms(question), corpusWeight)?.text).toMatch(/^We compared eight/);
  });

  it('still lets a rare word decide between sentences that share the common ones', () => {
    const corpusWeight = (term: string) => (term === 'skeleton' ? 11 : 3);
    const question = 'which segmentation training labels were used for the skeleton loss?';
    expect(pickSentence(abstract, question, terms(question), corpusWeight)?.text).toMatch(/^We compared eight/);
  });

  it("counts the words of the paper's title less: they say which paper is meant, not which sentence answers", () => {
    const sparse = [
      'Sparsifiner learns sparse attention for vision transformers.',
      'Sparsifiner gives a better trade-off between attention FLOPs and accuracy than token pruning.',
      'It halves FLOPs while the accuracy drop stays small.',
    ].join(' ');
    const question = 'how much does Sparsifiner cut attention FLOPs, and at what accuracy drop?';
    const flat = () => 3;
    expect(pickSentence(sparse, question, terms(question), flat, terms('Sparsifiner: sparse attention'))?.text).toMatch(/^It halves/);
  });

  it('answers a question about a quantity with a sentence that has a number, not a digit inside a name', () => {
    const results = [
      'Our model improves top-1 accuracy over GPT-4 baselines on ImageNet.',
      'Accuracy rises from 71.2% to 74.8% on ImageNet.',
    ].join(' ');
    const question = 'how much does top-1 accuracy improve on ImageNet?';
    expect(pickSentence(results, question, terms(question), () => 3)?.text).toMatch(/^Accuracy rises/);
  });

  describe('a question that asks for a measure', () => {
    // An evaluation abstract: the dataset is named, with its size, in another sentence than the result.
    const echo = [
      'We compare deep models for ejection fraction estimation from echocardiograms.',
      'Models were trained and evaluated on the EchoHeart dataset of 10,030 videos.',
      'The modified Inception model performs best, with a root mean squared error (RMSE) of 6.79%.',
    ].join(' ');
    const rareDataset = (term: string) => (term === 'echoheart' ? 11 : 3);

    it('quotes the sentence that reports the measure named, not the one that shares more of the other words', () => {
      const question = 'what RMSE did the best model reach for ejection fraction estimation on EchoHeart?';
      expect(pickSentence(echo, question, terms(question), rareDataset)?.text).toMatch(/RMSE\) of 6\.79%/);
    });

    it('takes "how accurate" as asking for figures', () => {
      const tents = [
        'We classify tents in street bazaar images with a custom CNN and EfficientNetB0.',
        'The custom CNN reached 92.8% accuracy and EfficientNetB0 98.4%.',
      ].join(' ');
      const question = 'how accurate were the custom CNN and EfficientNetB0 at classifying tents in street bazaars?';
      expect(pickSentence(tents, question, terms(question), () => 3)?.text).toMatch(/^The custom CNN reached/);
    });

    it('does not take a number the question gives for the answer', () => {
      const agent = [
        'The distilled 1M-parameter agent is compared on MT30 by its normalized score.',
        'It reaches 28.45, up from 18.93.',
      ].join(' ');
      const question = 'what normalized score does the distilled 1M-parameter agent reach on MT30?';
      expect(pickSentence(agent, question, terms(question), () => 3)?.text).toMatch(/^It reaches 28\.45/);
    });
  });
});

