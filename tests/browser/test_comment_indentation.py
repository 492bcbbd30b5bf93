"""On a phone, replies indent two levels at most: the Greek thread's
depth-4 reply (8 → 9 → 10 → 11 in the old blog's numbering) keeps most of
the column and says whom it answers; on a wide screen each level still
indents."""

from viewport import phone

PAGE = "/el/marketing-failing/"

MEASURE = """
const deepest = [...document.querySelectorAll('section.comments li.comment')]
  .reduce((a, b) => (Number(b.className.match(/depth-(\\d+)/)[1]) > Number(a.className.match(/depth-(\\d+)/)[1]) ? b : a));
const chain = [];
for (let item = deepest; item; item = item.parentElement.closest('li.comment')) chain.unshift(item);
const body = item => item.querySelector(':scope > .comment-item .comment-body').getBoundingClientRect();
const answer = deepest.querySelector(':scope > .comment-item .comment-in-reply-to');
const column = document.querySelector('section.comments').getBoundingClientRect();
return {
  starts: chain.map(item => body(item).left),
  width: body(deepest).width,
  column: column.width,
  answer: answer ? {shown: answer.getClientRects().length > 0, text: answer.textContent,
                    parent: chain[chain.length - 2].querySelector(':scope > .comment-item .comment-author').textContent} : null,
};
"""


def test_a_deep_reply_on_a_phone_is_capped_and_names_whom_it_answers(browser, base_url):
    with phone(browser):
        browser.get(base_url + PAGE)
        found = browser.execute_script(MEASURE)
    starts = found["starts"]
    assert len(starts) >= 4, found  # the capture nests four levels deep
    assert starts[0] < starts[1] < starts[2], found  # two levels indent
    assert all(abs(start - starts[2]) <= 1 for start in starts[3:]), found  # then no more
    assert found["width"] >= 0.8 * found["column"], found
    answer = found["answer"]
    assert answer and answer["shown"] and answer["parent"].strip() in answer["text"], found


def test_on_a_wide_screen_every_level_indents(browser, base_url):
    browser.get(base_url + PAGE)
    starts = browser.execute_script(MEASURE)["starts"]
    assert all(a < b for a, b in zip(starts, starts[1:])), starts
