"""The style ids the generated paragraphs and tables refer to; the template defines them.

Renaming a style in Word keeps its id, so a template restyled in Word/WPS keeps working.
"""

TITLE = "ReportTitle"  # 报告标题: 二号 方正小标宋简体, centred
SUBTITLE = "ReportSubtitle"  # 会议题注 ——…在…会议上: 楷体, centred
ISSUER = "ReportIssuer"  # 报告单位: 楷体, centred
SALUTATION = "Salutation"  # 各位代表：flush left
BODY = "Normal"  # 正文: 三号 仿宋_GB2312, 2-character indent
HEADING1 = "Heading1"  # 一、 黑体
HEADING2 = "Heading2"  # （一） 楷体
HEADING3 = "Heading3"  # 1. 仿宋 (bold as the layout says)
HEADING4 = "Heading4"  # （1） 仿宋
# Run-in headings (一、…。 then the paragraph's text): the heading's font for the lead
HEADING1_RUN_IN = "Heading1RunIn"
HEADING2_RUN_IN = "Heading2RunIn"
HEADING3_RUN_IN = "Heading3RunIn"
HEADING4_RUN_IN = "Heading4RunIn"
HEADING3_LEAD = "Heading3Lead"  # character style: the lead of a run-in 1. heading (its bold)
LEAD = "LeadSentence"  # character style: a paragraph's run-in lead sentence
RUN_IN_BODY = "RunInBody"  # character style: body text after a run-in heading
ATTACHMENT_LABEL = "AttachmentLabel"  # 附件1: 黑体, flush left, on a new page
ATTACHMENT_TITLE = "AttachmentTitle"  # an 附件's title: as the report's
BOX_TITLE = "BoxTitle"  # 专栏N：… 黑体, centred
BOX_TEXT = "BoxText"  # 专栏 content: 仿宋 四号
BOX_HEADING = "BoxHeading"  # a numbered group inside a 专栏 (1．社会投资项目)
TABLE_TEXT = "TableText"  # indicator-table cells: 仿宋 小四, centred
TABLE_HEADER = "TableHeader"  # indicator-table header cells: 黑体 小四, centred
PAGE_NUMBER = "PageNumber"  # — N — 四号 宋体

